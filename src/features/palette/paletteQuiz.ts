import * as vscode from 'vscode';
import type { Question } from '../../core/content/model';
import { correctCount, isCorrectChoice, QuizSession } from '../../core/quiz/session';
import { plainText } from '../glossary/register';
import type { AnswerSink } from '../progress/answerSink';

type OptionItem = vscode.QuickPickItem & { index?: number; action?: 'next' | 'stop' };

/** Shows one QuickPick and resolves with the accepted items, or undefined on Escape. */
function ask<T extends vscode.QuickPickItem>(setup: (qp: vscode.QuickPick<T>) => void): Promise<readonly T[] | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.ignoreFocusOut = true;
  setup(qp);
  const first = qp.items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      const picked = qp.canSelectMany ? qp.selectedItems : qp.selectedItems.length ? qp.selectedItems : qp.activeItems;
      if (picked.length === 0) return;
      done = true;
      resolve(picked);
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
    // The prompt rows are separators; put the keyboard on the first thing that can be chosen.
    if (first) qp.activeItems = [first];
  });
}

/**
 * Shows the question above the options. VS Code 1.96 (our floor) has no QuickPick.prompt; newer ones render
 * it as a wrapped message under the input. Where it is missing, the placeholder carries the question.
 */
function showPrompt(qp: vscode.QuickPick<vscode.QuickPickItem>, text: string, hint: string): void {
  const withPrompt = qp as unknown as { prompt?: string };
  if ('prompt' in qp) {
    withPrompt.prompt = text;
    qp.placeholder = hint;
  } else {
    qp.placeholder = `${text} — ${hint}`;
  }
}

export interface PaletteQuizResult {
  readonly correct: number;
  readonly answered: number;
  readonly total: number;
  readonly missed: readonly Question[];
}

/**
 * A quiz in QuickPicks over the same session engine as the panel. Each answer is recorded as soon as it
 * is given, so Escape at any point ends the quiz with nothing lost.
 */
export async function runPaletteQuiz(title: string, questions: readonly Question[], answers: AnswerSink): Promise<PaletteQuizResult> {
  const session = new QuizSession(questions);
  for (;;) {
    const q = session.current;
    if (!q) break;
    const n = correctCount(q);
    const heading = `${title} · ${vscode.l10n.t('Question {0} of {1}', session.index + 1, questions.length)}`;
    const chosen = await ask<OptionItem>((qp) => {
      qp.title = heading;
      qp.canSelectMany = q.type === 'multiple';
      showPrompt(qp as vscode.QuickPick<vscode.QuickPickItem>, plainText(q.prompt), q.type === 'multiple' ? vscode.l10n.t('Choose {0}, then press Enter', n) : vscode.l10n.t('Choose one answer'));
      qp.items = q.options.map((o, i) => ({ label: `${i + 1}. ${plainText(o.text)}`, index: i }));
    });
    if (!chosen) break;
    const picks = chosen.map((c) => c.index).filter((i): i is number => i !== undefined);
    const event = session.answer(picks);
    if (event) answers.record(event);
    const right = isCorrectChoice(q, picks);
    const last = session.index === questions.length - 1;
    const next = await ask<OptionItem>((qp) => {
      // Titles do not render codicons; plain marks do.
      qp.title = `${right ? `✓ ${vscode.l10n.t('Correct')}` : `✗ ${vscode.l10n.t('Incorrect')}`} · ${heading}`;
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
      showPrompt(qp as vscode.QuickPick<vscode.QuickPickItem>, parts.join(' '), vscode.l10n.t('Enter for the next question, Escape to stop'));
      qp.matchOnDetail = true;
      qp.items = [
        { label: last ? `$(check-all) ${vscode.l10n.t('See the score')}` : `$(arrow-right) ${vscode.l10n.t('Next question')}`, action: 'next', alwaysShow: true },
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        ...q.options.map((o, i) => ({
          label: `${o.correct ? '$(pass)' : '$(error)'} ${i + 1}. ${plainText(o.text)}${picks.includes(i) ? ` ${vscode.l10n.t('(your choice)')}` : ''}`,
          detail: plainText(o.why),
          alwaysShow: true,
        })),
        { label: '', kind: vscode.QuickPickItemKind.Separator },
        { label: `$(close) ${vscode.l10n.t('Stop the quiz')}`, action: 'stop', alwaysShow: true },
      ];
    });
    // Escape or "Stop" ends the quiz; choosing any explanation row moves on, as "Next question" does.
    if (!next || next[0].action === 'stop') break;
    if (!session.next()) break;
  }
  const score = session.score();
  return { correct: score.correct, answered: score.answered, total: questions.length, missed: session.missed() };
}
