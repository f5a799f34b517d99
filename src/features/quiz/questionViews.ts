import type { CaseStudy, Question } from '../../core/content/model';
import { correctCount, isCorrectAnswer, presentedOrder, responsesOf, rightParts, type Answer } from '../../core/quiz/answers';
import type { CaseView, FeedbackDetail, FeedbackView, QuestionBodyView } from '../../webview/protocol';

/**
 * The views every panel builds from a question: what to answer with, the case study's scenario, and the
 * feedback once answered. One place, so the quiz, the exam and the exam's review show a question alike.
 */

/** Pack Markdown as it goes to a webview: as written, or with glossary terms marked (TermMarker). */
export type Mark = (markdown: string) => string;
const asIs: Mark = (m) => m;

/**
 * What the learner answers with; `seed` fixes the shuffled order of items and responses. Options, items and
 * responses are marked only once answered: a definition beside each choice could give the answer away.
 */
export function bodyView(q: Question, seed: number, mark: Mark = asIs): QuestionBodyView {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { type: q.type, choose: correctCount(q), options: q.options.map((o) => ({ text: mark(o.text) })) };
    case 'ordering':
      return { type: 'ordering', items: presentedOrder(q, seed).map((index) => ({ index, text: mark(q.items[index].text) })) };
    case 'matching': {
      const responses = responsesOf(q);
      return { type: 'matching', prompts: q.pairs.map((p) => ({ text: mark(p.prompt) })), responses: presentedOrder(q, seed).map((index) => ({ index, text: responses[index].text })) };
    }
  }
}

export function caseView(q: Question, cases: ReadonlyMap<string, CaseStudy>, mark: Mark = asIs): CaseView | undefined {
  const c = q.caseKey === undefined ? undefined : cases.get(q.caseKey);
  if (!c) return undefined;
  const at = c.questionKeys.indexOf(q.key);
  return { key: c.key, title: c.title, scenario: mark(c.scenario), part: at + 1, parts: c.questionKeys.length };
}

function detailOf(q: Question, mark: Mark): FeedbackDetail {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { type: 'choice', options: q.options.map((o) => ({ correct: o.correct, why: mark(o.why) })) };
    case 'ordering':
      return { type: 'ordering', items: q.items.map((i) => ({ text: mark(i.text), why: mark(i.why) })) };
    case 'matching':
      return { type: 'matching', pairs: q.pairs.map((p) => ({ prompt: mark(p.prompt), response: p.response, why: mark(p.why) })), distractors: q.distractors.map((d) => ({ text: d.text, why: mark(d.why) })) };
  }
}

/** Feedback for an answer, judged against the question as it is now. */
export function feedbackView(q: Question, chosen: Answer, termName: (id: string) => string, mark: Mark = asIs): FeedbackView {
  return {
    chosen,
    correct: chosen.length > 0 && isCorrectAnswer(q, chosen),
    parts: rightParts(q, chosen),
    detail: detailOf(q, mark),
    explanation: mark(q.explanation),
    terms: q.terms.map((id) => ({ id, term: termName(id) })),
  };
}
