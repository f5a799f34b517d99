import * as assert from 'node:assert/strict';
import MarkdownIt, { type MarkdownIt as Md } from 'markdown-it';
import type { Term } from '../../src/core/content/model';
import { glossaryPreviewPlugin } from '../../src/core/glossary/previewPlugin';
import { TermIndex } from '../../src/core/glossary/termIndex';

function term(id: string, text: string, definition: string, aliases: string[] = []): Term {
  return { id, term: text, aliases, definition, confusedWith: [], packId: 'p', source: { file: 'g.yaml', line: 0 } };
}

const index = new TermIndex([
  term('peft', 'PEFT', 'Parameter-efficient fine-tuning: trains a few weights.', ['parameter-efficient fine-tuning']),
  term('rlhf', 'RLHF', 'Reinforcement learning from human feedback.'),
  term('canvas', 'Amazon SageMaker Canvas', 'No-code ML.', ['Canvas']),
  term('sagemaker', 'Amazon SageMaker AI', 'The ML platform.', ['SageMaker']),
  term('evil', 'EVIL', '<img src=x onerror=alert(1)>" onmouseover="alert(2)\' & more'),
]);

const abbr = (text: string, title: string): string => `<abbr class="studydeck-term" title="${title}">${text}</abbr>`;
const PEFT_TITLE = 'Parameter-efficient fine-tuning: trains a few weights.';

function render(markdown: string, opts: { enabled?: boolean; index?: TermIndex | undefined; md?: Md } = {}): string {
  const md = opts.md ?? new MarkdownIt();
  md.use(glossaryPreviewPlugin, {
    index: () => ('index' in opts ? opts.index : index),
    enabled: () => opts.enabled ?? true,
    describe: (t: Term) => t.definition,
  });
  return md.render(markdown);
}

/** [name, Markdown, rendered HTML]. */
const table: [string, string, string][] = [
  ['a term in a paragraph', 'We used PEFT here.', `<p>We used ${abbr('PEFT', PEFT_TITLE)} here.</p>\n`],
  ['a term in a list item', '- first\n- with RLHF', `<ul>\n<li>first</li>\n<li>with ${abbr('RLHF', 'Reinforcement learning from human feedback.')}</li>\n</ul>\n`],
  ['a term in a heading', '# About PEFT', `<h1>About ${abbr('PEFT', PEFT_TITLE)}</h1>\n`],
  ['first occurrence only, across blocks', 'PEFT and PEFT\n\n- PEFT', `<p>${abbr('PEFT', PEFT_TITLE)} and PEFT</p>\n<ul>\n<li>PEFT</li>\n</ul>\n`],
  ['an alias is the same term', 'parameter-efficient fine-tuning, or PEFT', `<p>${abbr('parameter-efficient fine-tuning', PEFT_TITLE)}, or PEFT</p>\n`],
  ['longest term wins', 'Open Amazon SageMaker Canvas, then SageMaker', `<p>Open ${abbr('Amazon SageMaker Canvas', 'No-code ML.')}, then ${abbr('SageMaker', 'The ML platform.')}</p>\n`],
  ['several terms in one text token', 'PEFT, RLHF.', `<p>${abbr('PEFT', PEFT_TITLE)}, ${abbr('RLHF', 'Reinforcement learning from human feedback.')}.</p>\n`],
  ['inside emphasis', '**PEFT**', `<p><strong>${abbr('PEFT', PEFT_TITLE)}</strong></p>\n`],
  ['not in a code span', 'Use `PEFT` or RLHF', `<p>Use <code>PEFT</code> or ${abbr('RLHF', 'Reinforcement learning from human feedback.')}</p>\n`],
  ['not in a fenced code block', '```\nPEFT\n```', '<pre><code>PEFT\n</code></pre>\n'],
  ['not in an indented code block', '    PEFT = 1', '<pre><code>PEFT = 1\n</code></pre>\n'],
  ['not in a link, and a link does not count as the first', '[PEFT docs](https://e.com) then PEFT', `<p><a href="https://e.com">PEFT docs</a> then ${abbr('PEFT', PEFT_TITLE)}</p>\n`],
  ['not in an autolink', '<https://e.com/PEFT>', '<p><a href="https://e.com/PEFT">https://e.com/PEFT</a></p>\n'],
  ['not in an image alt', '![PEFT diagram](p.png)', '<p><img src="p.png" alt="PEFT diagram"></p>\n'],
  ['acronyms keep their case', 'peft in prose', '<p>peft in prose</p>\n'],
  ['raw HTML in the document stays escaped text', '<b>PEFT</b>', `<p>&lt;b&gt;${abbr('PEFT', PEFT_TITLE)}&lt;/b&gt;</p>\n`],
];

describe('glossary preview plugin', () => {
  for (const [name, markdown, html] of table) {
    it(name, () => assert.equal(render(markdown), html));
  }

  it('does nothing when disabled', () => {
    assert.equal(render('We used PEFT here.', { enabled: false }), '<p>We used PEFT here.</p>\n');
  });

  it('does nothing while there is no index', () => {
    assert.equal(render('We used PEFT here.', { index: undefined }), '<p>We used PEFT here.</p>\n');
  });

  it('asks enabled() and index() at render time', () => {
    let on = false;
    const md = new MarkdownIt();
    md.use(glossaryPreviewPlugin, { index: () => index, enabled: () => on, describe: (t: Term) => t.definition });
    assert.equal(md.render('PEFT'), '<p>PEFT</p>\n');
    on = true;
    assert.equal(md.render('PEFT'), `<p>${abbr('PEFT', PEFT_TITLE)}</p>\n`);
  });

  it('marks the first occurrence again in each rendered document', () => {
    const md = new MarkdownIt();
    md.use(glossaryPreviewPlugin, { index: () => index, enabled: () => true, describe: (t: Term) => t.definition });
    assert.equal(md.render('PEFT'), md.render('PEFT'));
    assert.match(md.render('PEFT'), /<abbr/);
  });

  it('escapes a hostile definition into the title attribute only', () => {
    const html = render('An EVIL term');
    assert.equal(html, `<p>An ${abbr('EVIL', '&lt;img src=x onerror=alert(1)&gt;&quot; onmouseover=&quot;alert(2)\' &amp; more')} term</p>\n`);
    assert.ok(!html.includes('<img'), 'no element from pack text');
    assert.ok(!/onmouseover="/.test(html), 'no attribute from pack text');
  });

  it('keeps a hostile document hostile-free with raw HTML off', () => {
    const html = render('<img src=x onerror=alert(1)>PEFT<img src=x onerror=alert(1)>');
    assert.ok(!html.includes('<img'));
    assert.match(html, /<abbr class="studydeck-term"[^>]*>PEFT<\/abbr>/);
  });

  it('skips text inside raw <a> elements when raw HTML is on', () => {
    const html = render('<a href="https://e.com">PEFT</a> and RLHF', { md: new MarkdownIt({ html: true }) });
    assert.equal(html, `<p><a href="https://e.com">PEFT</a> and ${abbr('RLHF', 'Reinforcement learning from human feedback.')}</p>\n`);
  });

  it('leaves linkified URLs whole', () => {
    const html = render('See https://example.com/PEFT and PEFT', { md: new MarkdownIt({ linkify: true }) });
    assert.equal(html, `<p>See <a href="https://example.com/PEFT">https://example.com/PEFT</a> and ${abbr('PEFT', PEFT_TITLE)}</p>\n`);
  });

  it('marks a term next to an escape', () => {
    assert.equal(render('\\*PEFT\\*'), `<p>*${abbr('PEFT', PEFT_TITLE)}*</p>\n`);
  });
});
