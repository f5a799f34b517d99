import * as vscode from 'vscode';
import type { CaseStudy, Question } from '../../core/content/model';
import { correctCount, isCorrectAnswer, presentedOrder, responsesOf, rightParts } from '../../core/quiz/answers';
import { QuizSession } from '../../core/quiz/session';
import { plainText } from '../glossary/register';
import type { AnswerSink } from '../progress/answerSink';
import { choosable, keepTextRowsUnselected, showText, type TextRow } from './textRows';

type OptionItem = vscode.QuickPickItem & TextRow & { index?: number; action?: 'next' | 'stop' };

/** Shows one QuickPick and resolves with the accepted items, or undefined on Escape. */
function ask<T extends vscode.QuickPickItem & TextRow>(setup: (qp: vscode.QuickPick<T>) => void): Promise<readonly T[] | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.ignoreFocusOut = true;
  setup(qp);
  const first = choosable(qp.items)[0];
  const selection = keepTextRowsUnselected(qp);
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      // Enter on a line of the question chooses nothing.
      const picked = choosable(qp.canSelectMany ? qp.selectedItems : qp.selectedItems.length ? qp.selectedItems : qp.activeItems);
      if (picked.length === 0) return;
      done = true;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      selection.dispose();
      qp.dispose();
    });
    qp.show();
    // Put the keyboard on the first thing that can be chosen, below any lines of the question.
    if (first) qp.activeItems = [first];
  });
}

export interface PaletteQuizResult {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
  readonly missed: readonly Question[];
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/** "Which comes second?" and the like; an ordering has at most five items. */
function whichComes(place: number): string {
  switch (ORDINALS[place]) {
    case 'first':
      return vscode.l10n.t('Which comes first?');
    case 'second':
      return vscode.l10n.t('Which comes second?');
    case 'third':
      return vscode.l10n.t('Which comes third?');
    case 'fourth':
      return vscode.l10n.t('Which comes fourth?');
    default:
      return vscode.l10n.t('Which comes next (place {0})?', place + 1);
  }
}

/** The question as the palette shows it: a case study's scenario first, then the prompt. */
function promptText(q: Question, cases: ReadonlyMap<string, CaseStudy> | undefined): string {
  const c = q.caseKey === undefined ? undefined : cases?.get(q.caseKey);
  return c ? `${vscode.l10n.t('Case study: {0}', c.title)}. ${plainText(c.scenario)} — ${plainText(q.prompt)}` : plainText(q.prompt);
}

/**
 * Asks one question in QuickPicks and returns the answer, or undefined when the learner pressed Escape:
 * choices in one pick; an ordering as successive picks of what comes next; a matching question as one pick
 * per prompt, from the responses not used yet.
 */
async function askQuestion(q: Question, heading: string, prompt: string, seed: number): Promise<number[] | undefined> {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const n = correctCount(q);
      const chosen = await ask<OptionItem>((qp) => {
        qp.title = heading;
        qp.canSelectMany = q.type === 'multiple';
        showText(qp, prompt, q.type === 'multiple' ? vscode.l10n.t('Choose {0}, then press Enter', n) : vscode.l10n.t('Choose one answer'), q.options.map((o, i) => ({ label: `${i + 1}. ${plainText(o.text)}`, index: i })));
      });
      return chosen?.map((c) => c.index).filter((i): i is number => i !== undefined);
    }
    case 'ordering': {
      const left = presentedOrder(q, seed);
      const placed: number[] = [];
      while (left.length > 1) {
        const so = placed.length ? ` ${vscode.l10n.t('So far: {0}.', placed.map((i, k) => `${k + 1}. ${plainText(q.items[i].text)}`).join('; '))}` : '';
        const picked = await ask<OptionItem>((qp) => {
          qp.title = heading;
          showText(qp, `${prompt}${so}`, whichComes(placed.length), left.map((i) => ({ label: plainText(q.items[i].text), index: i })));
        });
        const index = picked?.[0]?.index;
        if (index === undefined) return undefined;
        placed.push(index);
        left.splice(left.indexOf(index), 1);
      }
      return [...placed, ...left];
    }
    case 'matching': {
      const responses = responsesOf(q);
      const left = presentedOrder(q, seed);
      const answer: number[] = [];
      for (let p = 0; p < q.pairs.length; p++) {
        const picked = await ask<OptionItem>((qp) => {
          qp.title = `${heading} · ${vscode.l10n.t('Prompt {0} of {1}', p + 1, q.pairs.length)}`;
          showText(qp, `${prompt} — ${plainText(q.pairs[p].prompt)}`, vscode.l10n.t('Which response matches "{0}"?', plainText(q.pairs[p].prompt)), left.map((i) => ({ label: plainText(responses[i].text), index: i })));
        });
        const index = picked?.[0]?.index;
        if (index === undefined) return undefined;
        answer.push(index);
        left.splice(left.indexOf(index), 1);
      }
      return answer;
    }
  }
}

const ordinal = (n: number): string => vscode.l10n.t('#{0}', n);

/** The feedback message and rows for an answered question, as the panel shows it, one line per row. */
function feedbackOf(q: Question, picks: readonly number[], right: boolean): { message: string; rows: vscode.QuickPickItem[] } {
  switch (q.type) {
    case 'single':
    case 'multiple': {
      // Rows show one line each, so the reasons that matter most go in the wrapped message in full:
      // why the learner's choice is right or wrong, why the right answer is right, then the lesson.
      const letters = (idx: number[]) => idx.map((i) => i + 1).join(', ');
      const rightIdx = q.options.map((o, i) => (o.correct ? i : -1)).filter((i) => i >= 0);
      const wrongPicks = picks.filter((i) => !q.options[i].correct);
      const parts = [
        ...wrongPicks.map((i) => `${vscode.l10n.t('Your choice {0}:', i + 1)} ${plainText(q.options[i].why)}`),
        ...(right ? [] : [`${vscode.l10n.t('Right answer {0}:', letters(rightIdx))} ${rightIdx.map((i) => plainText(q.options[i].why)).join(' ')}`]),
        plainText(q.explanation),
      ];
      return {
        message: parts.join(' '),
        rows: q.options.map((o, i) => ({
          label: `${o.correct ? '$(pass)' : '$(error)'} ${i + 1}. ${plainText(o.text)}${picks.includes(i) ? ` ${vscode.l10n.t('(your choice)')}` : ''}`,
          detail: plainText(o.why),
          alwaysShow: true,
        })),
      };
    }
    case 'ordering': {
      const { right: inPlace, of } = rightParts(q, picks);
      const order = q.items.map((item, i) => `${i + 1}. ${plainText(item.text)}`).join('; ');
      return {
        message: `${vscode.l10n.t('{0} of {1} in the right place.', inPlace, of)} ${vscode.l10n.t('The right order: {0}.', order)} ${plainText(q.explanation)}`,
        rows: q.items.map((item, i) => {
          const at = picks.indexOf(i);
          return {
            label: `${at === i ? '$(pass)' : '$(error)'} ${i + 1}. ${plainText(item.text)}${at === i ? '' : ` ${vscode.l10n.t('(you put it {0})', ordinal(at + 1))}`}`,
            detail: plainText(item.why),
            alwaysShow: true,
          };
        }),
      };
    }
    case 'matching': {
      const { right: pairsRight, of } = rightParts(q, picks);
      const responses = responsesOf(q);
      return {
        message: `${vscode.l10n.t('{0} of {1} pairs right.', pairsRight, of)} ${plainText(q.explanation)}`,
        rows: [
          ...q.pairs.map((p, i) => ({
            label: `${picks[i] === i ? '$(pass)' : '$(error)'} ${plainText(p.prompt)} → ${plainText(p.response)}${picks[i] === i ? '' : ` ${vscode.l10n.t('(your answer: {0})', picks[i] >= 0 ? plainText(responses[picks[i]].text) : '—')}`}`,
            detail: plainText(p.why),
            alwaysShow: true,
          })),
          ...q.distractors.map((d) => ({ label: `$(circle-slash) ${plainText(d.text)} ${vscode.l10n.t('(matches no prompt)')}`, detail: plainText(d.why), alwaysShow: true })),
        ],
      };
    }
  }
}

/**
 * A quiz in QuickPicks over the same session engine as the panel. Each answer is recorded as soon as it
 * is given, so Escape at any point ends the quiz with nothing lost.
 */
export async function runPaletteQuiz(title: string, questions: readonly Question[], answers: AnswerSink, cases?: ReadonlyMap<string, CaseStudy>): Promise<PaletteQuizResult> {
  const session = new QuizSession(questions);
  for (;;) {
    const q = session.current;
    if (!q) break;
    const heading = `${title} · ${vscode.l10n.t('Question {0} of {1}', session.index + 1, questions.length)}`;
    const picks = await askQuestion(q, heading, promptText(q, cases), session.seed);
    if (!picks) break;
    const event = session.answer(picks);
    if (event) answers.record(event);
    const right = isCorrectAnswer(q, picks);
    const last = session.index === questions.length - 1;
    const feedback = feedbackOf(q, picks, right);
    const next = await ask<OptionItem>((qp) => {
      // Titles do not render codicons; plain marks do.
      qp.title = `${right ? `✓ ${vscode.l10n.t('Correct')}` : `✗ ${vscode.l10n.t('Incorrect')}`} · ${heading}`;
      qp.matchOnDetail = true;
      showText(qp, feedback.message, vscode.l10n.t('Enter for the next question, Escape to stop'), [
        { label: last ? `$(check-all) ${vscode.l10n.t('See the score')}` : `$(arrow-right) ${vscode.l10n.t('Next question')}`, action: 'next', alwaysShow: true },
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        ...feedback.rows,
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: `$(close) ${vscode.l10n.t('Stop the quiz')}`, action: 'stop', alwaysShow: true },
      ]);
    });
    // Escape or "Stop" ends the quiz; choosing any explanation row moves on, as "Next question" does.
    if (!next || next[0].action === 'stop') break;
    if (!session.next()) break;
  }
  const score = session.score();
  return { correct: score.correct, answered: score.answered, total: questions.length, missed: session.missed() };
}
