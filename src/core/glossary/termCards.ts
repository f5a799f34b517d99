import type { IndexedCard } from '../cards/cardIndex';
import type { Pack, Term } from '../content/model';
import { maskTerm } from './drills';

/** Where a term card "lives": not a file, a glossary entry, which the card panel opens instead. */
export const TERM_CARD_FILE_PREFIX = 'term:';

export function termCardDeck(packId: string): string {
  return `glossary/${packId}`;
}

/**
 * Two cards per glossary term: term → definition, and definition (its own names blanked) → term. Keys are
 * stable (pack and term id), so a term's cards keep their schedule when its definition is edited.
 */
export function termCards(pack: Pack): IndexedCard[] {
  const deck = termCardDeck(pack.id);
  const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return pack.terms.flatMap((t: Term): IndexedCard[] => {
    const file = `${TERM_CARD_FILE_PREFIX}${pack.id}/${t.id}`;
    const name = t.expansion ? `**${t.term}** (${t.expansion})` : `**${t.term}**`;
    const base = { deck, file, line: t.source.line, range: zero } as const;
    return [
      { ...base, id: `card:term:${pack.id}/${t.id}:definition`, kind: 'basic', front: name, back: t.definition },
      { ...base, id: `card:term:${pack.id}/${t.id}:term`, kind: 'reversed', front: maskTerm(t.definition, t), back: name },
    ];
  });
}
