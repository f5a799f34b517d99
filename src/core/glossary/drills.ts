import type { ChoiceQuestion, Option, Pack, Term } from '../content/model';
import { hashSeed } from '../quiz/answers';

/** At most this many look-alikes beside the right term: four options, as the exam's single answers have. */
const MAX_LOOKALIKES = 3;

/** The key of a drill question: not a pack question id (ids cannot hold ":"), so the two never collide. */
export function drillKey(packId: string, termId: string): string {
  return `${packId}/drill:${termId}`;
}

export function isDrillKey(key: string): boolean {
  return key.includes('/drill:');
}

/**
 * The definition with the term's own names blanked, so the question does not give itself away
 * ("PEFT trains a few weights" → "___ trains a few weights").
 */
export function maskTerm(definition: string, term: Term): string {
  const names = [term.term, ...term.aliases, ...(term.expansion ? [term.expansion] : [])].filter((n) => n.trim() !== '').sort((a, b) => b.length - a.length);
  let out = definition;
  for (const n of names) {
    const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // Whole words only; acronyms keep their case, phrases do not.
    const flags = /\p{Ll}/u.test(n) ? 'giu' : 'gu';
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?:e?s)?(?![\\p{L}\\p{N}_])`, flags), '___');
  }
  return out;
}

/**
 * Questions generated from the glossary's "often confused with": a definition with its term blanked, the
 * term and its look-alikes as options. Every option's reason is the one-line difference the glossary gives,
 * so after answering, every difference is shown. Ids are stable (the pack and term), so answers are
 * scheduled like any question's; drills belong to no topic's question list, so no exam ever draws one.
 */
export function drillQuestions(pack: Pack): ChoiceQuestion[] {
  const byId = new Map(pack.terms.map((t) => [t.id, t]));
  const topicDomain = new Map(pack.topics.map((t) => [t.id, t.domainId]));
  const out: ChoiceQuestion[] = [];
  for (const term of pack.terms) {
    const seen = new Set([term.id, term.term.toLowerCase()]);
    const lookalikes: { term: Term; difference?: string }[] = [];
    for (const c of term.confusedWith) {
      const other = byId.get(c.id);
      if (!other || seen.has(other.id) || seen.has(other.term.toLowerCase())) continue;
      seen.add(other.id);
      seen.add(other.term.toLowerCase());
      // The difference may be written on either side of the pair.
      const difference = c.difference ?? other.confusedWith.find((x) => x.id === term.id)?.difference;
      lookalikes.push({ term: other, difference });
      if (lookalikes.length === MAX_LOOKALIKES) break;
    }
    if (lookalikes.length === 0) continue;
    const right: Option = { text: label(term), correct: true, why: `${label(term)}: ${term.definition}` };
    const wrong: Option[] = lookalikes.map((l) => ({
      text: label(l.term),
      correct: false,
      why: l.difference ? `${l.term.term}: ${l.difference}` : `${l.term.term}: ${l.term.definition}`,
    }));
    // A stable shuffle, so the right term is not always first and a reload shows the same order.
    const options = [right, ...wrong];
    let seed = hashSeed(term.id);
    for (let i = options.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [options[i], options[j]] = [options[j], options[i]];
    }
    out.push({
      id: `drill:${term.id}`,
      key: drillKey(pack.id, term.id),
      type: 'single',
      prompt: `Which term is this?\n\n> ${maskTerm(term.definition, term).replace(/\n/g, '\n> ')}`,
      options,
      explanation: lookalikes.map((l) => `**${term.term}** vs **${l.term.term}**: ${l.difference ?? l.term.definition}`).join('\n\n'),
      terms: [term.id, ...lookalikes.map((l) => l.term.id)],
      topicId: term.topicId ?? '',
      domainId: (term.topicId && topicDomain.get(term.topicId)) ?? '',
      packId: pack.id,
      source: term.source,
    });
  }
  return out;
}

function label(t: Term): string {
  return t.expansion ? `${t.term} (${t.expansion})` : t.term;
}
