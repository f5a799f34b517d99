import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { encodeTermKey, findTerms, markTermsInMarkdown } from '../../src/core/glossary/markTerms';
import { term } from './helpers';
import { TermIndex, type TermMatch } from '../../src/core/glossary/termIndex';

const index = new TermIndex([
  term('peft', 'PEFT', ['parameter-efficient fine-tuning']),
  term('rlhf', 'RLHF'),
  term('rouge', 'ROUGE'),
  term('llm', 'LLM', ['large language model']),
  term('canvas', 'Amazon SageMaker Canvas', ['SageMaker Canvas', 'Canvas']),
  term('sagemaker', 'Amazon SageMaker AI', ['SageMaker', 'Amazon SageMaker']),
  term('fm', 'foundation model'),
  term('self-attention', 'self-attention'),
  term('policy', 'policy'),
  term('zurich', 'Zürich model'),
  term('model-eval', 'model evaluation'),
  term('evaluation', 'evaluation'),
  term('amp', 'amp'),
]);

/** The link the marker writes for term `id` over `text`. */
const L = (text: string, id: string): string => `[${text}](term:p%2F${id})`;

/** [name, Markdown in, Markdown out]; firstOnly (the default) unless the name says otherwise. */
const table: [string, string, string][] = [
  // Terms in prose
  ['acronym', 'We used PEFT here.', `We used ${L('PEFT', 'peft')} here.`],
  ['acronym is case-sensitive ("peft" in prose is not PEFT)', 'we used peft here', 'we used peft here'],
  ['acronym is not a word in prose', 'the rouge of her cheeks', 'the rouge of her cheeks'],
  ['acronym plural', 'Most LLMs are decoders.', `Most ${L('LLMs', 'llm')} are decoders.`],
  ['phrase in any case, plural', 'Many Foundation Models exist', `Many ${L('Foundation Models', 'fm')} exist`],
  ['phrase plural -y → -ies', 'Two policies apply', `Two ${L('policies', 'policy')} apply`],
  ['hyphenated term', 'the self-attention layer', `the ${L('self-attention', 'self-attention')} layer`],
  ['longest wins: the product over its parts', 'Try Amazon SageMaker Canvas, then SageMaker.', `Try ${L('Amazon SageMaker Canvas', 'canvas')}, then ${L('SageMaker', 'sagemaker')}.`],
  ['longest wins, then the next term after it', 'a large language model evaluation', `a ${L('large language model', 'llm')} ${L('evaluation', 'evaluation')}`],
  ['first only', 'PEFT, then PEFT again', `${L('PEFT', 'peft')}, then PEFT again`],
  ['first only counts aliases as the same term', 'PEFT (parameter-efficient fine-tuning)', `${L('PEFT', 'peft')} (parameter-efficient fine-tuning)`],
  ['identifiers with underscores are not terms', 'const peft_config = PEFT_CONFIG', 'const peft_config = PEFT_CONFIG'],
  ['non-ASCII text', 'Größe: PEFT für alle, das Zürich Model.', `Größe: ${L('PEFT', 'peft')} für alle, das ${L('Zürich Model', 'zurich')}.`],
  ['a term never spans a line break (as in the hover)', 'a foundation\nmodel here', 'a foundation\nmodel here'],
  ['CRLF line ends kept', 'PEFT\r\nRLHF\r\n', `${L('PEFT', 'peft')}\r\n${L('RLHF', 'rlhf')}\r\n`],

  // Emphasis
  ['bold', '**PEFT** first', `**${L('PEFT', 'peft')}** first`],
  ['italic with underscores', '_PEFT_ and __RLHF__', `_${L('PEFT', 'peft')}_ and __${L('RLHF', 'rlhf')}__`],
  ['nested emphasis', '***PEFT*** and **bold _RLHF_ text**', `***${L('PEFT', 'peft')}*** and **bold _${L('RLHF', 'rlhf')}_ text**`],
  ['strikethrough', '~~PEFT~~', `~~${L('PEFT', 'peft')}~~`],
  ['emphasis around a phrase', '*large language model*', `*${L('large language model', 'llm')}*`],
  ['intraword emphasis is left alone (a bracket would break it)', 'x*PEFT*y and a**RLHF**', 'x*PEFT*y and a**RLHF**'],
  ['emphasis with punctuation around', '(**PEFT**), then "_RLHF_".', `(**${L('PEFT', 'peft')}**), then "_${L('RLHF', 'rlhf')}_".`],
  ['emphasis whose run could pair differently once it touches a bracket', 'a *b (*PEFT*) c', 'a *b (*PEFT*) c'],

  // Code
  ['code span', 'Use `PEFT` or RLHF', `Use \`PEFT\` or ${L('RLHF', 'rlhf')}`],
  ['code span with a double backtick fence', 'Use ``a ` PEFT`` then PEFT', `Use \`\`a \` PEFT\`\` then ${L('PEFT', 'peft')}`],
  ['code span over two lines', 'a `code\nPEFT` b RLHF', `a \`code\nPEFT\` b ${L('RLHF', 'rlhf')}`],
  ['unmatched backtick is literal', 'a `` PEFT ` x', `a \`\` ${L('PEFT', 'peft')} \` x`],
  ['escaped backticks are no code span', '\\`PEFT\\`', `\\\`${L('PEFT', 'peft')}\\\``],
  ['fenced code (backticks)', '```\nPEFT\n```\nRLHF', `\`\`\`\nPEFT\n\`\`\`\n${L('RLHF', 'rlhf')}`],
  ['fenced code (tildes, info string)', '~~~python\nPEFT = 1\n~~~\n\nPEFT', `~~~python\nPEFT = 1\n~~~\n\n${L('PEFT', 'peft')}`],
  ['a shorter fence does not close a longer one', '````\n```\nPEFT\n````\nRLHF', `\`\`\`\`\n\`\`\`\nPEFT\n\`\`\`\`\n${L('RLHF', 'rlhf')}`],
  ['an indented fence line inside code does not close it', '```\n    ```\nPEFT\n```\nRLHF', `\`\`\`\n    \`\`\`\nPEFT\n\`\`\`\n${L('RLHF', 'rlhf')}`],
  ['unclosed fence runs to the end', 'RLHF\n```\nPEFT', `${L('RLHF', 'rlhf')}\n\`\`\`\nPEFT`],
  ['fenced code in a list item', '- step\n  ```\n  PEFT\n  ```\n- PEFT', `- step\n  \`\`\`\n  PEFT\n  \`\`\`\n- ${L('PEFT', 'peft')}`],
  ['fenced code in a blockquote', '> ```\n> PEFT\n> ```\n> RLHF', `> \`\`\`\n> PEFT\n> \`\`\`\n> ${L('RLHF', 'rlhf')}`],
  ['a blockquote that ends closes its fence', '> ```\n> PEFT\nRLHF', `> \`\`\`\n> PEFT\n${L('RLHF', 'rlhf')}`],
  ['indented code', 'Text:\n\n    PEFT = 1\n\nRLHF', `Text:\n\n    PEFT = 1\n\n${L('RLHF', 'rlhf')}`],
  ['tab-indented code', '\tPEFT = 1\n\nRLHF', `\tPEFT = 1\n\n${L('RLHF', 'rlhf')}`],
  ['indented code after a heading', '# Intro\n    PEFT = 1', '# Intro\n    PEFT = 1'],
  ['an indented line continuing a paragraph is prose', 'Some text\n    with PEFT', `Some text\n    with ${L('PEFT', 'peft')}`],
  ['a paragraph in a list item is prose', '- item\n\n  more on PEFT', `- item\n\n  more on ${L('PEFT', 'peft')}`],
  ['code in a list item', '- item\n\n      PEFT = 1\n\nRLHF', `- item\n\n      PEFT = 1\n\n${L('RLHF', 'rlhf')}`],

  // Links, images, autolinks, URLs
  ['link text and destination', '[PEFT](https://e.com/PEFT) and PEFT', `[PEFT](https://e.com/PEFT) and ${L('PEFT', 'peft')}`],
  ['link with parentheses and a title', '[about RLHF](https://e.com/a_(b) "PEFT title") PEFT', `[about RLHF](https://e.com/a_(b) "PEFT title") ${L('PEFT', 'peft')}`],
  ['link with an angle-bracket destination', '[x](<a PEFT b> \'t\') RLHF', `[x](<a PEFT b> 't') ${L('RLHF', 'rlhf')}`],
  ['link text with a code span holding a bracket', '[a `]` PEFT](u) RLHF', `[a \`]\` PEFT](u) ${L('RLHF', 'rlhf')}`],
  ['image', '![PEFT diagram](peft.png "PEFT") PEFT', `![PEFT diagram](peft.png "PEFT") ${L('PEFT', 'peft')}`],
  ['image in a link', '[![PEFT](p.png)](https://e.com) RLHF', `[![PEFT](p.png)](https://e.com) ${L('RLHF', 'rlhf')}`],
  ['reference links', '[PEFT][ref], [RLHF][] and [LLM] but PEFT', `[PEFT][ref], [RLHF][] and [LLM] but ${L('PEFT', 'peft')}`],
  ['reference definitions', '[ref]: https://e.com/PEFT "PEFT"\n[LLM]: /llm\n  "RLHF title"\n\nPEFT', `[ref]: https://e.com/PEFT "PEFT"\n[LLM]: /llm\n  "RLHF title"\n\n${L('PEFT', 'peft')}`],
  ['unmatched bracket is literal', '[optional PEFT', `[optional ${L('PEFT', 'peft')}`],
  ['escaped brackets are no link', '\\[PEFT\\]', `\\[${L('PEFT', 'peft')}\\]`],
  ['autolinks', '<https://e.com/PEFT> <peft@e.com> PEFT', `<https://e.com/PEFT> <peft@e.com> ${L('PEFT', 'peft')}`],
  ['bare URLs and e-mail addresses', 'see https://e.com/PEFT-guide, www.e.com/RLHF, PEFT.team@e.com and PEFT', `see https://e.com/PEFT-guide, www.e.com/RLHF, PEFT.team@e.com and ${L('PEFT', 'peft')}`],
  ['already-marked term counts as the first', `${L('PEFT', 'peft')} and PEFT`, `${L('PEFT', 'peft')} and PEFT`],
  ['a term after ! would make an image', 'Wow!PEFT', 'Wow!PEFT'],
  ['a term after ] would make a reference', '[x]PEFT', '[x]PEFT'],
  ['a term after a backslash', '\\PEFT', '\\PEFT'],

  // HTML, entities
  ['HTML tag attributes untouched, its text marked', '<b title="PEFT">PEFT</b>', `<b title="PEFT">${L('PEFT', 'peft')}</b>`],
  ['HTML comment', '<!-- PEFT --> RLHF', `<!-- PEFT --> ${L('RLHF', 'rlhf')}`],
  ['entities', 'A &amp; B amp', `A &amp; B ${L('amp', 'amp')}`],
  ['hostile: a tag between terms', 'PEFT<img src=x onerror=alert(1)>RLHF', `${L('PEFT', 'peft')}<img src=x onerror=alert(1)>${L('RLHF', 'rlhf')}`],
  ['hostile: terms inside a tag', '<img src=x onerror=alert(1) alt=PEFT title="RLHF"> PEFT', `<img src=x onerror=alert(1) alt=PEFT title="RLHF"> ${L('PEFT', 'peft')}`],
  ['hostile: unclosed tag is text', '<img src=x onerror=alert(1) PEFT', `<img src=x onerror=alert(1) ${L('PEFT', 'peft')}`],
  ['hostile: script element', '<script>PEFT</script>', `<script>${L('PEFT', 'peft')}</script>`],

  // Blocks
  ['ATX heading', '# What is PEFT?\n\nPEFT is…', `# What is ${L('PEFT', 'peft')}?\n\nPEFT is…`],
  ['setext heading', 'About RLHF\n==========', `About ${L('RLHF', 'rlhf')}\n==========`],
  ['list items', '- PEFT\n- RLHF\n1. LLM', `- ${L('PEFT', 'peft')}\n- ${L('RLHF', 'rlhf')}\n1. ${L('LLM', 'llm')}`],
  ['blockquote', '> PEFT in a quote', `> ${L('PEFT', 'peft')} in a quote`],
  ['table', '| a | b |\n|---|---|\n| PEFT | `RLHF` |', `| a | b |\n|---|---|\n| ${L('PEFT', 'peft')} | \`RLHF\` |`],
  ['table cells are parsed one by one: no code span across a `|`', '| `a | b` PEFT |\n|---|---|\n| RLHF | x |', `| \`a | b\` ${L('PEFT', 'peft')} |\n|---|---|\n| ${L('RLHF', 'rlhf')} | x |`],
  ['a table header comes before a list marker', '- a PEFT | b\n|--|--|', `- a ${L('PEFT', 'peft')} | b\n|--|--|`],
  ['a definition with its title over two lines', '[x]: /u "PEFT\nRLHF"\n\nPEFT', `[x]: /u "PEFT\nRLHF"\n\n${L('PEFT', 'peft')}`],
  ['a line after a definition may be indented code', '[x]: /u\n    PEFT = 1', '[x]: /u\n    PEFT = 1'],
  ['nothing to mark', 'plain words only', 'plain words only'],
  ['empty', '', ''],
];

const md = new MarkdownIt();
/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/** Rendered HTML with the term links replaced by their text: marking must change nothing else. */
const renderedWithoutMarks = (markdown: string): string => md.render(markdown).replace(/<a href="term:[^"]*">([^<]*)<\/a>/g, '$1');
/** Link texts and destinations the marker added (all `term:` links in the output). */
const marks = (markdown: string): string[][] => [...markdown.matchAll(/\[([^[\]]*)\]\(term:([^)]*)\)/g)].map((m) => [m[1], m[2]]);

describe('markTermsInMarkdown', () => {
  for (const [name, input, expected] of table) {
    it(name, () => {
      const out = markTermsInMarkdown(input, index);
      assert.equal(out.markdown, expected);
      if (!/term:/.test(input)) assert.equal(renderedWithoutMarks(out.markdown), md.render(input), 'renders as before, with links added');
      for (const [text, dest] of marks(out.markdown)) {
        assert.match(text, /^[\p{L}\p{N}_][\p{L}\p{N}_ \u00a0-]*$/u, 'a wrapped slice is words, spaces and hyphens');
        assert.match(dest, /^[\w.%-]+$/, 'the key is percent-encoded');
      }
      const again = markTermsInMarkdown(out.markdown, index);
      assert.equal(again.markdown, out.markdown, 'marking marked Markdown changes nothing');
      assert.deepEqual(again.terms, out.terms, 'and finds the same terms');
    });
  }

  it('lists the distinct terms in order of first appearance', () => {
    const out = markTermsInMarkdown('RLHF, then PEFT, then RLHF and `LLM`', index);
    assert.deepEqual(out.terms.map((t) => t.id), ['rlhf', 'peft']);
  });

  it('marks every occurrence when firstOnly is false', () => {
    const out = markTermsInMarkdown('PEFT and PEFT, **PEFT**', index, { firstOnly: false });
    assert.equal(out.markdown, `${L('PEFT', 'peft')} and ${L('PEFT', 'peft')}, **${L('PEFT', 'peft')}**`);
    assert.deepEqual(out.terms.map((t) => t.id), ['peft']);
  });

  it('lists a term already marked in the text', () => {
    const out = markTermsInMarkdown(`See ${L('RLHF', 'rlhf')} and PEFT`, index);
    assert.deepEqual(out.terms.map((t) => t.id), ['rlhf', 'peft']);
  });

  it('uses termKey, percent-encoded so that any key makes one link', () => {
    const out = markTermsInMarkdown('PEFT here', index, { termKey: (t) => `my (pack)/${t.id}!*~'` });
    assert.equal(out.markdown, '[PEFT](term:my%20%28pack%29%2Fpeft%21%2A%7E%27) here');
    assert.equal(decodeURIComponent('my%20%28pack%29%2Fpeft%21%2A%7E%27'), "my (pack)/peft!*~'");
    assert.match(md.render(out.markdown), /<a href="term:my%20%28pack%29%2Fpeft%21%2A%7E%27">PEFT<\/a>/);
    assert.equal(encodeTermKey('p/peft'), 'p%2Fpeft');
  });

  it('returns the same string when there is nothing to mark', () => {
    const text = '```\nPEFT\n```\n`RLHF`';
    assert.equal(markTermsInMarkdown(text, index).markdown, text);
    assert.deepEqual(markTermsInMarkdown(text, index).terms, []);
  });

  it('keeps rendering the same on generated mixes of constructs', () => {
    // Pieces of Markdown thrown together at random: whatever the marker makes of them must render as the
    // original did, plus links, and marking again must change nothing.
    const parts = ['PEFT', 'RLHF', 'large language model', '`PEFT`', '`', '``', '**', '*', '_', '__', '[', ']', '(u)', '(', ')', '![', '<b>', '</b>', '<img src=x onerror=alert(1)>', '<', '>', '\\', '!', '&amp;', '&', ';', 'https://e.com/PEFT', 'a@b.c', ' ', ' ', ' ', '\n', '\n\n', '- ', '1. ', '> ', '```\n', '~~~\n', '    ', '\t', 'SageMaker', 'Canvas', 'x', '~~', '~', '# ', '---\n', '===\n', '|', '"', "'", ':', '[x]: /u\n', 'amp', '.', ','];
    const random = seeded(7);
    for (let run = 0; run < 3000; run++) {
      let text = '';
      for (let k = 0, len = 2 + Math.floor(random() * 20); k < len; k++) text += parts[Math.floor(random() * parts.length)];
      const firstOnly = random() < 0.5;
      const out = markTermsInMarkdown(text, index, { firstOnly });
      const label = `for ${JSON.stringify(text)} → ${JSON.stringify(out.markdown)}`;
      assert.equal(renderedWithoutMarks(out.markdown), md.render(text), label);
      assert.equal(markTermsInMarkdown(out.markdown, index, { firstOnly }).markdown, out.markdown, label);
    }
  });

  it('stays fast on long and pathological input', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => (i % 10 === 0 ? 'PEFT' : 'word')).join(' ');
    const nasty = '[a](x'.repeat(5_000) + ' <a b=\''.repeat(5_000) + '`'.repeat(3_000) + ' [['.repeat(5_000) + ' PEFT\n\nthen RLHF';
    const t = performance.now();
    assert.equal(markTermsInMarkdown(words, index, { firstOnly: false }).markdown.split('](term:').length - 1, 5_000);
    assert.ok(markTermsInMarkdown(nasty, index).markdown.endsWith(`then ${L('RLHF', 'rlhf')}`));
    assert.ok(performance.now() - t < 2_000, `took ${performance.now() - t} ms`);
  });
});

describe('findTerms', () => {
  const cases: [string, string, string[]][] = [
    ['left to right, non-overlapping', 'PEFT and RLHF and PEFT', ['PEFT', 'RLHF', 'PEFT']],
    ['longest wins', 'Amazon SageMaker Canvas and SageMaker Canvas and Canvas', ['Amazon SageMaker Canvas', 'SageMaker Canvas', 'Canvas']],
    ['a shorter term right after a longer one that overlaps a third', 'large language model evaluation', ['large language model', 'evaluation']],
    ['no longer-term part inside a taken one', 'model evaluation', ['model evaluation']],
    ['acronyms only in their case', 'peft, Peft, PEFT', ['PEFT']],
    ['plurals', 'LLMs and foundation models', ['LLMs', 'foundation models']],
    ['words around are not terms', 'PEFTs_x xPEFT encoderless', []],
    ['non-ASCII', 'über PEFT, Zürich models', ['PEFT', 'Zürich models']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const found = findTerms(text, index);
      assert.deepEqual(found.map((m) => m.text), expected);
      for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
    });
  }

  it('finds what a lookup at every word start finds (its shortcut skips only words no term starts with)', () => {
    const reference = (text: string): TermMatch[] => {
      const out: TermMatch[] = [];
      let pos = 0;
      for (let i = 0; i < text.length; i++) {
        if (!/[\p{L}\p{N}_]/u.test(text[i]) || (i > 0 && /[\p{L}\p{N}_]/u.test(text[i - 1]))) continue;
        let m = index.findTermAt(text, i);
        if (m && m.start < pos) {
          // Overlapping the last match: the longest match in the text after it (short texts: no window).
          const r = index.findTermAt(text.slice(pos), i - pos);
          m = r && { ...r, start: r.start + pos, end: r.end + pos };
        }
        if (!m) continue;
        out.push(m);
        pos = m.end;
        i = m.end - 1;
      }
      return out;
    };
    const words = ['PEFT', 'PEFTs', 'peft', 'Peft', 'LLMs', 'large', 'Large', 'language', 'model', 'models', 'evaluation', 'Amazon', 'SageMaker', 'Canvas', 'policy', 'policies', 'Policies', 'Zürich', 'ZÜRICH', 'self', 'attention', 'İstanbul', 'ß', 'x', 'a', 'amp', 'AMP'];
    const seps = [' ', ' ', '-', ', ', '  ', '_', '.'];
    const random = seeded(11);
    for (let run = 0; run < 2000; run++) {
      let text = '';
      for (let k = 0, len = 1 + Math.floor(random() * 12); k < len; k++) text += words[Math.floor(random() * words.length)] + seps[Math.floor(random() * seps.length)];
      assert.deepEqual(findTerms(text, index).map((m) => [m.start, m.text]), reference(text).map((m) => [m.start, m.text]), text);
    }
  });

  it('is linear in the text for a large glossary', () => {
    const big = new TermIndex(Array.from({ length: 10_000 }, (_, i) => term(`t${i}`, i % 2 ? `T${i}X` : `term number ${i}`)));
    const text = Array.from({ length: 20_000 }, (_, i) => (i % 50 === 0 ? 'term number 42' : 'plain')).join(' ');
    const t = performance.now();
    assert.equal(findTerms(text, big).length, 400);
    assert.ok(performance.now() - t < 1_000, `took ${performance.now() - t} ms`);
  });
});
