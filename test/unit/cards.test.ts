import * as assert from 'node:assert/strict';
import { CardIndex } from '../../src/core/cards/cardIndex';
import { CardReviewSession } from '../../src/core/cards/reviewSession';
import { alternativesOf, checkTypedAnswer, normalizeAnswer } from '../../src/core/cards/typedAnswer';
import { cardKeyHash, cardReviewRecordOf, checkRecord, parseRecord, serializeRecord, type CardRating } from '../../src/core/progress/records';
import { applyAnswer, buildSchedules, previewDue, type QuestionSchedule } from '../../src/core/progress/scheduler';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);

describe('flashcards: typed answers', () => {
  // [typed, back, matches]
  const table: [string, string, boolean][] = [
    ['bogota', 'Bogotá', true],
    ['  BOGOTÁ. ', 'Bogotá', true],
    ['Sao Paulo', 'São Paulo', true],
    ['bogota', 'Bogotá | Bogota', true],
    ['santa fe de bogota', 'Bogotá | Santa Fe de Bogotá', true],
    ['paris', '**Paris**', true],
    ['retrieval augmented generation', 'Retrieval-Augmented Generation', true],
    ['medellin', 'Bogotá', false],
    ['bogota colombia', 'Bogotá', false],
    ['', 'Bogotá', false],
  ];
  for (const [typed, back, match] of table) {
    it(`"${typed}" ${match ? 'matches' : 'does not match'} "${back}"`, () => assert.equal(checkTypedAnswer(typed, back).match, match));
  }

  it('splits alternatives only on a spaced pipe, so code such as a|b stays whole', () => {
    assert.deepEqual(alternativesOf('Bogotá | Bogota'), ['Bogotá', 'Bogota']);
    assert.deepEqual(alternativesOf('`a|b`'), ['a|b']);
    assert.equal(normalizeAnswer('Ça  va—bien!'), 'ca va bien');
  });

  it('shows word by word what was left out and what is not in the answer', () => {
    const v = checkTypedAnswer('a managed service for containers', 'A managed service that offers models');
    assert.equal(v.match, false);
    assert.deepEqual(v.diff, [
      { text: 'A managed service', kind: 'same' },
      { text: 'for containers', kind: 'extra' },
      { text: 'that offers models', kind: 'missing' },
    ]);
  });
});

describe('flashcards: review sitting and FSRS ratings', () => {
  it('reveals before rating, sends an Again card round once more, and keeps its place across a reload', () => {
    const s = new CardReviewSession(['card:a', 'card:b', 'card:a']);
    assert.equal(s.total, 2, 'a key listed twice is one card');
    assert.equal(s.rate(3), undefined, 'no rating before the answer is shown');
    assert.equal(s.reveal(), true);
    assert.equal(s.rate(1), 'card:a');
    const restored = new CardReviewSession([], s.state());
    assert.equal(restored.current, 'card:b');
    restored.reveal();
    restored.rate(3);
    assert.equal(restored.current, 'card:a', 'Again brings the card back at the end');
    restored.reveal();
    restored.rate(1);
    assert.equal(restored.finished, true, 'but only once per sitting');
    assert.deepEqual(restored.tally, { 1: 2, 2: 0, 3: 1, 4: 0 });
  });

  it('schedules each rating as FSRS does: Again < Hard < Good < Easy, and the buttons preview exactly that', () => {
    const due: Record<CardRating, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
    for (const r of [1, 2, 3, 4] as const) {
      const schedules = new Map<string, QuestionSchedule>();
      applyAnswer(schedules, cardReviewRecordOf({ cardKey: 'card:x', rating: r, at: T0 }, 'w'));
      due[r] = schedules.get('card:x')!.due;
    }
    assert.ok(due[1] < due[2] && due[2] < due[3] && due[3] < due[4], JSON.stringify(due));
    assert.deepEqual(previewDue(undefined, T0), due, 'the intervals on the buttons are the ones a rating gives');
    assert.equal(Math.round((due[3] - T0) / DAY), 3, 'Good on a new card: about three days');
  });

  it('replays a card\'s reviews with a fake clock: Good, Good, then Again brings it back within days, not weeks', () => {
    const key = 'card:y';
    const records = [
      cardReviewRecordOf({ cardKey: key, rating: 3, at: T0 }, 'w'),
      cardReviewRecordOf({ cardKey: key, rating: 3, at: T0 + 3 * DAY }, 'w'),
      cardReviewRecordOf({ cardKey: key, rating: 1, at: T0 + 15 * DAY }, 'w'),
    ];
    const s = buildSchedules(records, (k) => (k.startsWith('card:') ? cardKeyHash(k) : undefined)).get(key)!;
    assert.equal(s.reps, 3);
    assert.equal(s.lapses, 1);
    assert.equal(s.lastCorrect, false);
    const days = Math.round((s.due - (T0 + 15 * DAY)) / DAY);
    assert.ok(days >= 1 && days <= 3, `due ${days} days after the lapse`);
  });

  it('writes a review as a version 2 answer record with its rating, and refuses a mismatched one', () => {
    const r = cardReviewRecordOf({ cardKey: 'card:0123456789abcdef', rating: 2, at: T0 }, 'w');
    assert.deepEqual(r, { v: 2, kind: 'answer', q: 'card:0123456789abcdef', at: T0, c: [], ok: true, h: cardKeyHash('card:0123456789abcdef'), w: 'w', t: 'card', r: 2 });
    assert.deepEqual(parseRecord(serializeRecord(r)), r);
    for (const bad of [{ ...r, r: 5 }, { ...r, ok: false }, { ...r, c: [1] }, { ...r, t: 'ordering' }, { ...r, v: 1, t: undefined }]) assert.ok('error' in checkRecord(bad), JSON.stringify(bad));
  });
});

describe('flashcards: the index', () => {
  it('keeps a card\'s identity when it moves to another note, and drops a file that loses its tag', () => {
    const index = new CardIndex({ tag: 'flashcards' });
    index.update('a.md', '#flashcards/aws\n\nRAG::Retrieval-augmented generation\nPEFT::Parameter-efficient fine-tuning\n');
    const id = index.cards.find((c) => c.front === 'RAG')!.id;
    index.update('a.md', '#flashcards/aws\n\nPEFT::Parameter-efficient fine-tuning\n');
    index.update('b.md', '#flashcards/other\n\nSome prose first.\n\nRAG::Retrieval-augmented generation, edited\n');
    const moved = index.card(id)!;
    assert.equal(moved.file, 'b.md', 'the same card, found in its new note');
    assert.equal(moved.deck, 'flashcards/other');
    assert.deepEqual(index.decks().map((d) => [d.deck, d.cards.length]), [['flashcards/aws', 1], ['flashcards/other', 1]]);
    index.update('b.md', 'RAG::no tag any more\n');
    assert.equal(index.card(id), undefined);
    assert.equal(index.update('c.md', 'RAG::x\n', true).isCardFile, true, 'a file the include globs match counts without the tag');
    assert.equal(index.card(id)?.file, 'c.md');
  });

  it('is one card when the same front is written in two notes', () => {
    const index = new CardIndex();
    index.update('b.md', '#flashcards\n\nRAG::one\n');
    index.update('a.md', '#flashcards\n\nRAG::two\n');
    assert.equal(index.cards.length, 1);
    assert.equal(index.cards[0].file, 'a.md', 'found in the first note by path');
  });
});
