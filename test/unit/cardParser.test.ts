import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findDeckTags, isCardFile, parseNote, type CardKind, type CardProblemCode, type ParsedNote } from '../../src/core/cards/parser';

/** Parses without needing the tag, so rows show only the notation under test. */
function parse(text: string): ParsedNote {
  return parseNote(text, { forceInclude: true });
}

function summary(note: ParsedNote): [CardKind, string, string][] {
  return note.cards.map((c) => [c.kind, c.front, c.back]);
}

/** [line, start character, end character] of a one-line range. */
type Span = [number, number, number];

function spanOf(r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span {
  assert.equal(r.start.line, r.end.line, 'a one-line range');
  return [r.start.line, r.start.character, r.end.character];
}

const hits: [string, string, [CardKind, string, string][]][] = [
  ['basic', 'Front::Back', [['basic', 'Front', 'Back']]],
  ['spaces around the separator', 'What is S3? :: Object storage', [['basic', 'What is S3?', 'Object storage']]],
  ['reversed gives both directions', 'Front:::Back', [['basic', 'Front', 'Back'], ['reversed', 'Back', 'Front']]],
  ['a list marker is not part of the front', '- Front::Back', [['basic', 'Front', 'Back']]],
  ['ordered list item with a task box', '1. [ ] Front::Back', [['basic', 'Front', 'Back']]],
  ['Markdown stays in the card', '**EC2** size?::`t3.micro` is *small*', [['basic', '**EC2** size?', '`t3.micro` is *small*']]],
  ['inline code with :: does not count; the other separator does', '`std::vec` in Rust::a growable array', [['basic', '`std::vec` in Rust', 'a growable array']]],
  ['URL with :: in the back', 'Docs::https://x.test/a::b', [['basic', 'Docs', 'https://x.test/a::b']]],
  ['bare URL stops before trailing punctuation', 'Docs at http://x.test/a:: the reference', [['basic', 'Docs at http://x.test/a', 'the reference']]],
  ['scheduling comment of Obsidian SR is dropped', 'Q::A <!--SR:!2024-01-01,3,250-->', [['basic', 'Q', 'A']]],
  ['scheduling comment on the next line is not card text', 'Q\n?\nA\n<!--SR:!2024-01-01,3,250-->', [['basic', 'Q', 'A']]],
  ['highlight inside a card is not a cloze', 'Q::the ==key== part', [['basic', 'Q', 'the ==key== part']]],
  ['cards on consecutive lines', 'Q1::A1\nQ2:::A2', [['basic', 'Q1', 'A1'], ['basic', 'Q2', 'A2'], ['reversed', 'A2', 'Q2']]],
  ['CRLF line endings', 'Q1::A1\r\nQ2\r\n?\r\nA2\r\n', [['basic', 'Q1', 'A1'], ['basic', 'Q2', 'A2']]],
  ['multi-line', 'Front 1\nFront 2\n?\nBack 1\nBack 2', [['basic', 'Front 1\nFront 2', 'Back 1\nBack 2']]],
  ['multi-line reversed', 'Front\n??\nBack', [['basic', 'Front', 'Back'], ['reversed', 'Back', 'Front']]],
  ['separator line with spaces around', 'Front\n  ?  \nBack', [['basic', 'Front', 'Back']]],
  ['back ends at a blank line', 'Q\n?\nA\n\nnot the back', [['basic', 'Q', 'A']]],
  ['back ends at the next single-line card', 'Q\n?\nA\nQ2::A2', [['basic', 'Q', 'A'], ['basic', 'Q2', 'A2']]],
  ['front starts after a single-line card', 'Q1::A1\nQ2\n?\nA2', [['basic', 'Q1', 'A1'], ['basic', 'Q2', 'A2']]],
  ['front starts after a heading', '# Topic\nQ\n?\nA', [['basic', 'Q', 'A']]],
  ['front starts after a line of tags', '#flashcards #aws\nQ\n?\nA', [['basic', 'Q', 'A']]],
  ['two multi-line cards without a blank line: the line above `?` is the front', 'Q1\n?\nA1\nQ2\n?\nA2', [['basic', 'Q1', 'A1'], ['basic', 'Q2', 'A2']]],
  ['multi-line inside a list item is dedented', '- topic\n\n  Q line\n  ?\n  A line', [['basic', 'Q line', 'A line']]],
  ['indented continuation of a list item is prose, not code', '- item\n\n    Q::A', [['basic', 'Q', 'A']]],
  ['card right after a closed code fence', '```\ncode::x\n```\nQ::A', [['basic', 'Q', 'A']]],
  ['card after a one-line HTML comment', '<!-- note --> Q::A', [['basic', 'Q', 'A']]],
  ['card after a multi-line HTML comment closes', '<!--\nx::y\n--> Q::A', [['basic', 'Q', 'A']]],
  ['unclosed front matter is not front matter', '---\nQ::A', [['basic', 'Q', 'A']]],
  ['an indented ``` inside a paragraph opens no fence', 'Intro\n    ```\nQ::A', [['basic', 'Q', 'A']]],
  ['a fence inside a list item', '- item\n\n    ```\n    x::y\n    ```\n- Q::A', [['basic', 'Q', 'A']]],
];

describe('card parser: cards', () => {
  for (const [name, text, expected] of hits) {
    it(name, () => {
      const note = parse(text);
      assert.deepEqual(summary(note), expected);
      assert.deepEqual(note.problems, []);
    });
  }
});

/** Text that holds no card, no cloze and no problem. */
const misses: [string, string][] = [
  ['prose with a colon', 'Just some text: with a colon.'],
  ['two separators', 'std::collections::HashMap'],
  ['three parts', 'a::b::c'],
  ['reversed separator twice', 'a:::b:::c'],
  ['four colons', 'a::::b'],
  ['bare URL', 'See http://x.test/a::b for details'],
  ['URL with an IPv6 host', 'Use http://[::1]:8080/ locally'],
  ['Markdown link target', 'See [the docs](https://x.test/a::b).'],
  ['autolink', 'See <https://x.test/a::b>'],
  ['inline code', 'Write `a::b` there'],
  ['double-backtick code with a backtick inside', 'Write `` a`b::c `` there'],
  ['code fence', '```\nQ::A\n```'],
  ['code fence with info string, highlight and ?', '```ts\nQ::A\n==x==\nFront\n?\nBack\n```'],
  ['tilde fence', '~~~~\nQ::A\n~~~~'],
  ['shorter fence does not close a longer one', '````\n```\nQ::A\n````'],
  ['unclosed fence runs to the end', 'Intro\n\n```\nQ::A'],
  ['indented code after a blank line', 'Intro\n\n    Q::A'],
  ['tab-indented code at the start', '\tQ::A'],
  ['indented code after a list has ended', '- item\n\nback to prose\n\n    Q::A'],
  ['HTML comment', '<!-- Q::A -->'],
  ['multi-line HTML comment', '<!--\nQ::A\nThe ==sun==\n-->'],
  ['HTML comment across a blank line', '<!-- start\n\nQ::A\n-->'],
  ['front matter', '---\ntitle: Q::A\nnote: ==x==\n---'],
  ['bold is not a cloze', 'The **sun** is a star.'],
  ['heading with a separator', '# Term::Definition'],
  ['heading with a highlight', '## The ==sun=='],
  ['escaped separator', 'std\\::vector'],
  ['escaped highlight', 'The \\==sun== is hot'],
  ['spaced == is a comparison, not a highlight', 'if a == b then c == d'],
  ['three = are not a highlight', 'a ===b=== c'],
  ['clozes inside inline code', 'Write `{{c1::x}}` and `==y==`'],
  ['a question mark in prose', 'Is this a question?\nYes.'],
];

describe('card parser: not cards', () => {
  for (const [name, text] of misses) {
    it(name, () => {
      const note = parse(text);
      assert.deepEqual(summary(note), []);
      assert.deepEqual(note.problems, []);
    });
  }
});

/** Expected cloze cards: front, back, clozeIndex, hidden texts. */
const clozes: [string, string, [string, string, number, string[]][]][] = [
  ['highlight', 'The ==sun== is a star.', [['The [...] is a star.', 'The **sun** is a star.', 1, ['sun']]]],
  [
    'one card per highlight; the others shown plain',
    'The ==sun== is a ==star==.',
    [
      ['The [...] is a star.', 'The **sun** is a star.', 1, ['sun']],
      ['The sun is a [...].', 'The sun is a **star**.', 2, ['star']],
    ],
  ],
  [
    'the paragraph spans its lines',
    'Line ==one==\nline ==two==',
    [
      ['Line [...]\nline two', 'Line **one**\nline two', 1, ['one']],
      ['Line one\nline [...]', 'Line one\nline **two**', 2, ['two']],
    ],
  ],
  ['Anki cloze', 'Paris is the {{c1::capital}} of France.', [['Paris is the [...] of France.', 'Paris is the **capital** of France.', 1, ['capital']]]],
  ['Anki cloze with a hint', '{{c1::Paris::city}} is nice', [['[city] is nice', '**Paris** is nice', 1, ['Paris']]]],
  ['same number: hidden together', '{{c1::a}} and {{c1::b}}', [['[...] and [...]', '**a** and **b**', 1, ['a', 'b']]]],
  [
    'several numbers: one card each, in number order',
    '{{c2::b}} then {{c1::a}} then {{c2::c}}',
    [
      ['b then [...] then c', 'b then **a** then c', 1, ['a']],
      ['[...] then a then [...]', '**b** then a then **c**', 2, ['b', 'c']],
    ],
  ],
  [
    'Anki numbers first, then highlights',
    'x ==a== {{c1::b}}',
    [
      ['x a [...]', 'x a **b**', 1, ['b']],
      ['x [...] b', 'x **a** b', 1, ['a']],
    ],
  ],
  ['code inside a deletion', 'Run ==`ls -la`== now', [['Run [...] now', 'Run **`ls -la`** now', 1, ['`ls -la`']]]],
  ['spaces inside an Anki deletion stay outside the bold', 'a {{c1:: b }} c', [['a [...] c', 'a  **b**  c', 1, [' b ']]]],
  [
    'a blank line ends the paragraph',
    'a ==x==\n\nb ==y==',
    [
      ['a [...]', 'a **x**', 1, ['x']],
      ['b [...]', 'b **y**', 1, ['y']],
    ],
  ],
];

describe('card parser: clozes', () => {
  for (const [name, text, expected] of clozes) {
    it(name, () => {
      const note = parse(text);
      assert.deepEqual(
        note.cards.map((c) => [c.front, c.back, c.clozeIndex, c.hidden]),
        expected,
      );
      assert.ok(note.cards.every((c) => c.kind === 'cloze'));
      assert.deepEqual(note.problems, []);
    });
  }

  it('a single-line card splits a paragraph in two', () => {
    const note = parse('one ==x==\nQ::A\ntwo ==y==');
    assert.deepEqual(summary(note), [
      ['cloze', 'one [...]', 'one **x**'],
      ['basic', 'Q', 'A'],
      ['cloze', 'two [...]', 'two **y**'],
    ]);
  });

  it('a cloze card covers its whole paragraph', () => {
    const [card] = parse('Intro\n\n  first\n  the ==sun==  ').cards;
    assert.equal(card.line, 2);
    assert.deepEqual(card.range, { start: { line: 2, character: 2 }, end: { line: 3, character: 13 } });
    assert.equal(card.front, 'first\nthe [...]', 'common indentation removed');
  });
});

/** A broken card: the problem code, its exact range, and how many cards the rest of the text still gives. */
const problems: [string, string, CardProblemCode, Span, number][] = [
  ['unclosed Anki cloze', 'Paris is the {{c1::capital of France', 'card-unclosed-cloze', [0, 13, 19], 0],
  ['unclosed cloze skips its paragraph only', 'A ==x== and {{c2::y\n\nQ::A', 'card-unclosed-cloze', [0, 12, 18], 1],
  ['unclosed cloze on a card line skips the card', 'Q::{{c1::A\nQ2::A2', 'card-unclosed-cloze', [0, 3, 9], 1],
  ['a cloze must close on its line', 'x {{c12::a\nb}}', 'card-unclosed-cloze', [0, 2, 9], 0],
  ['empty Anki cloze', 'x {{c1::}} y ==z==', 'card-empty-cloze', [0, 2, 10], 0],
  ['empty front', '::Back', 'card-empty-front', [0, 0, 2], 0],
  ['empty front of a reversed card', ':::Back', 'card-empty-front', [0, 0, 3], 0],
  ['empty front after a list marker', '- ::Back', 'card-empty-front', [0, 2, 4], 0],
  ['empty back', 'Front::', 'card-empty-back', [0, 5, 7], 0],
  ['empty back after prose', 'Note: see ::\nQ::A', 'card-empty-back', [0, 10, 12], 1],
  ['? with nothing above', '?\nBack', 'card-missing-front', [0, 0, 1], 0],
  ['?? after a blank line', 'Intro\n\n??\nBack', 'card-missing-front', [2, 0, 2], 0],
  ['? right after a heading', '# H\n?\nA', 'card-missing-front', [1, 0, 1], 0],
  ['? at the end', 'Front\n?', 'card-missing-back', [1, 0, 1], 0],
  ['? followed by a blank line', 'Front\n  ?\n\nBack', 'card-missing-back', [1, 2, 3], 0],
  ['? followed by a single-line card', 'Front\n?\nQ::A', 'card-missing-back', [1, 0, 1], 1],
  ['same front twice', 'Q::A\nQ::B', 'card-duplicate', [1, 0, 4], 1],
  ['same front in another case and spacing', 'What is S3?::x\nwhat  is s3? ::y', 'card-duplicate', [1, 0, 16], 1],
];

describe('card parser: problems', () => {
  for (const [name, text, code, span, cardsLeft] of problems) {
    it(name, () => {
      const note = parse(text);
      assert.deepEqual(
        note.problems.map((p) => [p.code, spanOf(p.range)]),
        [[code, span]],
      );
      assert.ok(note.problems[0].message.length > 20, 'a message a person can act on');
      assert.equal(note.cards.length, cardsLeft);
    });
  }

  it('reports the second ? of a pair with no line between as missing its front', () => {
    const note = parse('Q\n?\n?\nA');
    assert.deepEqual(
      note.problems.map((p) => [p.code, spanOf(p.range)]),
      [['card-missing-back', [1, 0, 1]], ['card-missing-front', [2, 0, 1]]],
    );
  });

  it('reports problems in document order and keeps parsing after them', () => {
    const note = parse('::x\nQ1::A1\n\n{{c1::open\n\nQ2\n?\nA2');
    assert.deepEqual(
      note.problems.map((p) => p.code),
      ['card-empty-front', 'card-unclosed-cloze'],
    );
    assert.deepEqual(summary(note), [
      ['basic', 'Q1', 'A1'],
      ['basic', 'Q2', 'A2'],
    ]);
  });
});

/** [name, before, index of a card in it, after, whether some card of `after` keeps that card's id] */
const identity: [string, string, number, string, boolean][] = [
  ['moving the card down the file', 'Q::A', 0, 'Other::x\n\nIntro\n\nQ::A', true],
  ['moving the card to another note and deck', 'Q::A', 0, '#flashcards/other\nSome intro.\n\nQ::A', true],
  ['editing the back', 'Q::A', 0, 'Q::A, better explained', true],
  ['spacing and case of the front', 'What is S3?::A', 0, '  what   is S3? :: A', true],
  ['adding a list marker', 'Q::A', 0, '- Q::A', true],
  ['single-line to multi-line', 'Q::A', 0, 'Q\n?\nA', true],
  ['basic to reversed keeps the forward card', 'Q::A', 0, 'Q:::A', true],
  ['a scheduling comment', 'Q::A', 0, 'Q::A <!--SR:!2024-01-01,3,250-->', true],
  ['changing the front', 'Q::A', 0, 'Q2::A', false],
  ['changing a multi-line front', 'Q\n?\nA', 0, 'Q, longer\n?\nA', false],
  ['the reversed card follows the back, which is its front', 'Q:::A', 1, 'Q:::B', false],
  ['the reversed card keeps its id when the front changes', 'Q:::A', 1, 'Q2:::A', true],
  ['reversed and basic with the same front differ', 'B::A', 0, 'A:::B', false],
  ['cloze: editing the hidden text of another deletion', 'The ==sun== is a ==star==', 1, 'The ==Sun!== is a ==star==', true],
  ['cloze: editing its own hidden text makes a new card', 'The ==sun== is a ==star==', 0, 'The ==Sun!== is a ==star==', false],
  ['cloze: same wording, other hidden text', 'The capital of ==France==', 0, 'The capital of ==Italy==', false],
  ['cloze: editing an Anki deletion and its hint', '{{c1::a}} x {{c2::b}}', 1, '{{c1::A!::letter}} x {{c2::b}}', true],
  ['cloze: moving the paragraph', 'The ==sun== is hot', 0, 'Intro\n\nThe ==sun== is hot', true],
  ['cloze: reflowing the paragraph', 'The ==sun== is hot', 0, 'The ==sun==\nis hot', true],
  ['cloze: editing the text around the deletions', 'The ==sun== is hot', 0, 'The ==sun== is very hot', false],
  ['cloze: adding a deletion resets the paragraph (trade-off)', 'The ==sun== is hot', 0, 'The ==sun== is ==hot==', false],
  ['cloze: renumbering makes new cards', '{{c1::a}} x {{c2::b}}', 0, '{{c2::a}} x {{c1::b}}', false],
  ['cloze: highlight and Anki deletion differ', '==x== y', 0, '{{c1::x}} y', false],
];

describe('card parser: identity', () => {
  for (const [name, before, index, after, same] of identity) {
    it(name, () => {
      const { id } = parse(before).cards[index];
      const ids = parse(after).cards.map((c) => c.id);
      assert.ok(ids.length > 0);
      assert.equal(ids.includes(id), same, `${id} in ${ids.join(', ')}`);
    });
  }

  it('reports a cloze paragraph that only differs in the hidden text of other cards as a duplicate', () => {
    const note = parse('==Paris== is the capital of ==France==\n\n==Paris== is the capital of ==Texas==');
    assert.deepEqual(note.cards.map((c) => c.front), ['[...] is the capital of France', 'Paris is the capital of [...]', 'Paris is the capital of [...]']);
    assert.deepEqual(note.problems.map((p) => [p.code, p.range.start.line]), [['card-duplicate', 2]]);
  });

  it('ids are short, prefixed and safe as JSON keys', () => {
    const note = parse('Q::A\nF:::B\n\nThe ==sun== and {{c1::"quotes"}}\n\nM\n??\nN');
    assert.equal(note.cards.length, 7);
    for (const c of note.cards) assert.match(c.id, /^card:[0-9a-f]{16}$/);
    assert.equal(new Set(note.cards.map((c) => c.id)).size, 7);
  });
});

/** [name, text, decks in order, [line, start, end] of each tag] */
const tags: [string, string, string[], Span[]][] = [
  ['tag on its own line', '#flashcards\n\nQ::A', ['flashcards'], [[0, 0, 11]]],
  ['tag in prose', 'Study this #flashcards today', ['flashcards'], [[0, 11, 22]]],
  ['tag in a heading', '# Notes #flashcards', ['flashcards'], [[0, 8, 19]]],
  ['tag in a card', 'Q::A #flashcards.', ['flashcards'], [[0, 5, 16]]],
  ['sub-deck', '#flashcards/aws/s3', ['flashcards/aws/s3'], [[0, 0, 18]]],
  ['the first tag names the deck', 'x #flashcards/b\ny #flashcards/a #flashcards/b', ['flashcards/b', 'flashcards/a'], [[0, 2, 15], [1, 2, 15], [1, 16, 29]]],
  ['case-insensitive; the root is spelled as configured', '#FlashCards/AWS', ['flashcards/AWS'], [[0, 0, 15]]],
  ['trailing slash', '#flashcards/ x', ['flashcards'], [[0, 0, 12]]],
  ['front matter flow list', '---\ntags: [flashcards, x]\n---', ['flashcards'], [[1, 7, 17]]],
  ['front matter scalar', '---\ntags: flashcards\n---', ['flashcards'], [[1, 6, 16]]],
  ['front matter comma-separated', '---\ntags: x, flashcards/aws\n---', ['flashcards/aws'], [[1, 9, 23]]],
  ['front matter block list', '---\ntitle: T\ntags:\n  - x\n  - flashcards/aws\nother: 1\n---', ['flashcards/aws'], [[4, 4, 18]]],
  ['front matter quoted with #', '---\ntags: ["#flashcards"]\n---', ['flashcards'], [[1, 8, 19]]],
  ['front matter tag: key', '---\ntag: flashcards\n---', ['flashcards'], [[1, 5, 15]]],
  ['front matter first, then the body', '---\ntags: flashcards/a\n---\n#flashcards/b', ['flashcards/a', 'flashcards/b'], [[1, 6, 18], [3, 0, 13]]],
  ['not a tag: longer word', '#flashcardsX and #flashcards-x and #flashcards_old', [], []],
  ['not a tag: glued to a word', 'a#flashcards', [], []],
  ['not a tag: heading text', '# flashcards', [], []],
  ['not a tag: inline code', 'Write `#flashcards` here', [], []],
  ['not a tag: code fence', '```\n#flashcards\n```', [], []],
  ['not a tag: indented code', '    #flashcards', [], []],
  ['not a tag: HTML comment', '<!--\n#flashcards\n-->', [], []],
  ['not a tag: URL fragment', 'See http://x.test/#flashcards', [], []],
  ['not a tag: escaped', '\\#flashcards', [], []],
  ['not a tag: other front matter keys', '---\ntitle: flashcards\naliases: [flashcards]\n---', [], []],
  ['not a tag: unclosed front matter', '---\ntags: flashcards', [], []],
];

describe('card parser: card files and decks', () => {
  for (const [name, text, decks, spans] of tags) {
    it(name, () => {
      const found = findDeckTags(text);
      assert.deepEqual(found.decks, decks);
      assert.equal(found.deck, decks[0]);
      assert.deepEqual(found.tags.map((t) => spanOf(t.range)), spans);
      assert.equal(isCardFile(text), decks.length > 0);
      const note = parseNote(text);
      assert.equal(note.isCardFile, decks.length > 0);
      assert.equal(note.deck, decks[0]);
    });
  }

  it('marks front matter tags', () => {
    const found = findDeckTags('---\ntags: flashcards\n---\n#flashcards');
    assert.deepEqual(found.tags.map((t) => t.inFrontMatter), [true, false]);
  });

  it('gives no cards and no problems for a note without the tag', () => {
    const note = parseNote('Q::A\n::broken');
    assert.deepEqual(note, { isCardFile: false, tags: [], decks: [], cards: [], problems: [] });
  });

  it('puts every card of a tagged note in its deck', () => {
    const note = parseNote('#flashcards/aws\n\nQ::A\n\nThe ==sun==');
    assert.deepEqual(note.cards.map((c) => c.deck), ['flashcards/aws', 'flashcards/aws']);
  });

  it('parses a force-included note in the default deck', () => {
    assert.deepEqual(parseNote('Q::A', { forceInclude: true }).cards.map((c) => c.deck), ['flashcards']);
    assert.deepEqual(parseNote('Q::A', { forceInclude: true, defaultDeck: 'notes/aws' }).cards.map((c) => c.deck), ['notes/aws']);
    assert.deepEqual(parseNote('#flashcards/x\nQ::A', { forceInclude: true, defaultDeck: 'notes/aws' }).cards.map((c) => c.deck), ['flashcards/x']);
    assert.equal(parseNote('Q::A', { forceInclude: true }).isCardFile, true);
  });

  it('takes another tag, with or without #', () => {
    assert.deepEqual(findDeckTags('#cards/x', 'cards').decks, ['cards/x']);
    assert.deepEqual(parseNote('#cards\nQ::A', { tag: '#cards' }).cards.length, 1);
    assert.equal(parseNote('#flashcards\nQ::A', { tag: 'cards' }).isCardFile, false);
    assert.equal(isCardFile('#study/cards/aws', 'study/cards'), true);
  });
});

describe('card parser: positions', () => {
  it('gives a single-line card its line and the range of its text', () => {
    const [card] = parse('\n  - Q::A  <!--SR:!2024-01-01,3,250-->  ').cards;
    assert.equal(card.line, 1);
    assert.deepEqual(card.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 37 } });
  });

  it('gives a multi-line card the range from its front to its back', () => {
    const cards = parse('Intro\n\nQ\n?\nA long\n').cards;
    assert.equal(cards[0].line, 2);
    assert.deepEqual(cards[0].range, { start: { line: 2, character: 0 }, end: { line: 4, character: 6 } });
  });

  it('ignores a byte order mark', () => {
    const note = parseNote('\ufeff#flashcards Q::A');
    assert.deepEqual(note.tags.map((t) => spanOf(t.range)), [[0, 0, 11]]);
    assert.deepEqual(summary(note), [['basic', '#flashcards Q', 'A']]);
  });
});

describe('card parser: any text', () => {
  const piece = fc.constantFrom('Q', 'A', ' ', '\n', '\n\n', '::', ':::', ':', '?', '\n?\n', '\n??\n', '==', '{{c1::', '{{c2::', '}}', '`', '``', '```', '~~~', '    ', '\t', '- ', '# ', '#flashcards', '#flashcards/x', '---\n', '<!--', '-->', 'http://', '](', '<', '>', '\\', '\r\n', 'é');
  it('never throws, keeps ranges inside the text and ids unique', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
        const note = parseNote(text, { forceInclude: true });
        const inside = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean =>
          r.start.line <= r.end.line && r.end.line < lines.length && r.start.character <= lines[r.start.line].length && r.end.character <= lines[r.end.line].length && (r.start.line < r.end.line || r.start.character <= r.end.character);
        for (const x of [...note.cards, ...note.problems, ...note.tags]) assert.ok(inside(x.range), JSON.stringify(x.range));
        for (const c of note.cards) assert.ok(c.front.trim() !== '' && c.back.trim() !== '', 'no empty side');
        assert.equal(new Set(note.cards.map((c) => c.id)).size, note.cards.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads empty and one-character notes', () => {
    for (const text of ['', '\n', '?', '??', '::', '---', '```', '<!--', '==', '{{c1::', '#']) assert.doesNotThrow(() => parseNote(text, { forceInclude: true }), text);
  });
});

describe('card parser: size', () => {
  it('parses a 5,000-line note', () => {
    const lines = ['---', 'tags: [flashcards]', '---'];
    for (let i = 0; lines.length < 5_000; i++) {
      lines.push(`Question ${i} with \`code::x\` and http://x.test/a::b ::Answer ${i}`, `Term ${i}:::Definition ${i}`, '', `The ==term ${i}== is {{c1::defined ${i}}} {{c2::here ${i}}}.`, '', `Front ${i}`, '?', `Back ${i}`, '', '```', `not::a card ${i}`, '```', '');
    }
    const note = parseNote(lines.join('\n'));
    const groups = Math.ceil((5_000 - 3) / 13);
    assert.equal(note.cards.length, groups * 7);
    assert.equal(note.problems.length, 0);
  });

  it('reads long lines full of notation-like characters', () => {
    const text = ['#flashcards', ' ``'.repeat(20_000), '{{c1::'.repeat(20_000), 'a==b '.repeat(20_000), 'a://'.repeat(20_000), '](x'.repeat(20_000), '*'.repeat(20_000) + 'x', '<!--'.repeat(20_000)].join('\n');
    const note = parseNote(text);
    assert.equal(note.cards.length, 0);
    assert.equal(note.problems.length, 20_000, 'each unclosed {{c1:: reported');
  });
});
