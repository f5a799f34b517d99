import * as vscode from 'vscode';
import type { CardService } from '../cards/cardService';
import { scoreExam } from '../../core/exam/score';
import { dayKeyFrom, weakestTopics } from '../../core/progress/history';
import { parseExamDate, readiness } from '../../core/progress/readiness';
import { examResultOf } from '../../core/progress/records';
import { dueCountsByDay } from '../../core/progress/scheduler';
import { isDashboardClientMessage, type DashboardClientMessage, type DashboardView, type PackDashboardView } from '../../webview/dashboardProtocol';
import { topicKey, type Content, type ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';
import type { QuizPanels } from '../quiz/quizPanel';
import { setUpPanel, webviewOptions } from '../webviewHtml';
import type { ExamPanels } from '../exam/examPanel';

export const DASHBOARD_VIEW_TYPE = 'studyDeck.progress';
const ACCURACY_DAYS = 30;
const DUE_DAYS = 14;

function uiStrings(): Record<string, string> {
  return {
    title: vscode.l10n.t('Study progress'),
    notes: vscode.l10n.t('Your notes'),
    notesExplain: vscode.l10n.t('Flashcards from your Markdown notes. They are kept apart from the packs and do not count towards exam readiness.'),
    deckRow: vscode.l10n.t('#{0}: {1} cards, {2} due, {3} new'),
    deckRetention: vscode.l10n.t('{0}% recalled in {1} reviews over 30 days'),
    deckNoReviews: vscode.l10n.t('not reviewed in 30 days'),
    reviewDeck: vscode.l10n.t('Review'),
    reviewDeckNamed: vscode.l10n.t('Review #{0}'),
    readiness: vscode.l10n.t('Exam readiness'),
    readinessScore: vscode.l10n.t('Estimated {0} of {1}; pass mark {2}'),
    readinessLikely: vscode.l10n.t('Likely to pass'),
    readinessUnlikely: vscode.l10n.t('Not there yet'),
    readinessAtToday: vscode.l10n.t('Predicted for today.'),
    readinessAtDate: vscode.l10n.t('Predicted for your exam date, {0}, if you stopped reviewing now.'),
    readinessSeen: vscode.l10n.t('Based on {0} of {1} questions answered; the rest count at the level of a blind guess.'),
    readinessMeans: vscode.l10n.t('What it means: the share of this pack’s questions you would be expected to get right, with each domain weighted as on the exam, from the spaced-repetition model’s predicted recall.'),
    readinessNot: vscode.l10n.t('What it does not mean: it is not the exam’s scaled score, it knows only this pack’s questions, and recall of an answer is not the same as understanding a new question.'),
    readinessLeftOut: vscode.l10n.t('Left out (no questions): {0}.'),
    readinessDomain: vscode.l10n.t('{0}: {1}% expected right, exam weight {2}%'),
    setExamDate: vscode.l10n.t('Set exam date…'),
    examDateError: vscode.l10n.t('The setting studyDeck.examDate is not used: {0}'),
    startExam: vscode.l10n.t('Take a mock exam'),
    mastery: vscode.l10n.t('Mastery by domain'),
    masteryRow: vscode.l10n.t('{0}: {1} mastered, {2} in progress, {3} not started, of {4}'),
    mastered: vscode.l10n.t('mastered'),
    inProgress: vscode.l10n.t('in progress'),
    notStarted: vscode.l10n.t('not started'),
    topics: vscode.l10n.t('Topics'),
    accuracy: vscode.l10n.t('Answers in the last 30 days'),
    accuracySummary: vscode.l10n.t('Answers in the last 30 days: {0}, of which {1}% right.'),
    accuracyNone: vscode.l10n.t('No answers in the last 30 days.'),
    accuracyRow: vscode.l10n.t('{0}: {1} right of {2}'),
    right: vscode.l10n.t('right'),
    wrong: vscode.l10n.t('wrong'),
    due: vscode.l10n.t('Reviews due, next 14 days'),
    dueSummary: vscode.l10n.t('Reviews in the next 14 days: {0}. Due today: {1}.'),
    dueRow: vscode.l10n.t('{0}: {1} due'),
    reviewDue: vscode.l10n.t('Review due now'),
    dueLegend: vscode.l10n.t('reviews due'),
    streak: vscode.l10n.t('Streak'),
    streakDays: vscode.l10n.t('Days in a row: {0}'),
    streakLongest: vscode.l10n.t('Longest run: {0}'),
    streakToday: vscode.l10n.t('Answer one question today to keep it going.'),
    weakest: vscode.l10n.t('Weakest topics'),
    weakestRecall: vscode.l10n.t('recall {0}%'),
    weakestUntouched: vscode.l10n.t('not started'),
    study: vscode.l10n.t('Study'),
    studyTopic: vscode.l10n.t('Study {0}'),
    attempts: vscode.l10n.t('Mock exam attempts'),
    attemptsNone: vscode.l10n.t('No mock exams yet.'),
    attemptRow: vscode.l10n.t('{0}: {1} of {2} ({3})'),
    passed: vscode.l10n.t('pass'),
    failed: vscode.l10n.t('below pass'),
    openAttempt: vscode.l10n.t('Results'),
    showTable: vscode.l10n.t('Show as table'),
    day: vscode.l10n.t('Day'),
    value: vscode.l10n.t('Value'),
    generated: vscode.l10n.t('Answers on record: {0}.'),
  };
}

/** The progress dashboard: figures from the answer log and the schedules, drawn as charts by the webview. */
export class DashboardPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly quiz: QuizPanels,
    private readonly exams: ExamPanels,
    private readonly cards: CardService | undefined,
    private readonly onDispose: () => void,
  ) {
    setUpPanel(panel, extensionUri, { script: 'dashboard.js', styles: ['charts.css', 'dashboard.css'], title: vscode.l10n.t('Study progress'), strings: uiStrings() });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      // Answers given elsewhere (a quiz beside the dashboard) show up without reopening it.
      progress.onDidChange(() => this.refreshSoon()),
      ...(cards ? [cards.onDidChange(() => this.refreshSoon())] : []),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('studyDeck.examDate') && this.refreshSoon()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  async receive(m: unknown): Promise<void> {
    if (isDashboardClientMessage(m)) await this.handle(m);
  }

  private async handle(m: DashboardClientMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        await this.post();
        return;
      case 'studyTopic': {
        // Only keys of topics that loaded; the message never names a command.
        const topic = (await this.content.get()).topics.get(m.key);
        if (topic) this.quiz.openTopic(topic);
        return;
      }
      case 'openAttempt':
        if (this.progress.attempts().some((a) => a.id === m.id)) this.exams.showResults(m.id);
        return;
      case 'startExam':
        await vscode.commands.executeCommand('studyDeck.startExam', m.packId);
        return;
      case 'reviewDue':
        await vscode.commands.executeCommand('studyDeck.reviewDue');
        return;
      case 'reviewDeck':
        // Only decks the index knows; the message never names a command.
        if (this.cards?.decks().some((d) => d.deck === m.deck)) await vscode.commands.executeCommand('studyDeck.reviewCards', m.deck);
        return;
      case 'setExamDate':
        await askExamDate();
        return;
    }
  }

  private refreshSoon(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.post(), 300);
  }

  async post(): Promise<void> {
    await this.progress.ready();
    const c = await this.content.get();
    const data = dashboardView(c, this.progress, Date.now(), this.cards);
    await this.panel.webview.postMessage({ type: 'dashboard', data });
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/** Asks for the exam date and saves it in the user's settings; an empty answer clears it. */
export async function askExamDate(): Promise<void> {
  const config = vscode.workspace.getConfiguration('studyDeck');
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('Exam date'),
    prompt: vscode.l10n.t('The day you sit the exam, as YYYY-MM-DD. Readiness is predicted for that day. Leave empty for today.'),
    value: config.get<string>('examDate', ''),
    placeHolder: dayKeyFrom(Date.now(), 30),
    validateInput: (v) => {
      const parsed = parseExamDate(v);
      return parsed && 'error' in parsed ? parsed.error : undefined;
    },
  });
  if (value === undefined) return;
  await config.update('examDate', value.trim(), vscode.ConfigurationTarget.Global);
}

/** Everything the dashboard draws, computed in one pass over loaded content and progress. */
export function dashboardView(c: Content, progress: ProgressService, now: number, cards?: CardService): DashboardView {
  const schedules = progress.current ?? new Map();
  const examDate = vscode.workspace.getConfiguration('studyDeck').get<string>('examDate', '').trim();
  const parsed = parseExamDate(examDate);
  const examDateError = parsed && 'error' in parsed ? parsed.error : undefined;
  // A date in the past predicts nothing useful: readiness is then for today.
  const at = parsed && 'at' in parsed && parsed.at > now ? parsed.at : now;

  const packs: PackDashboardView[] = c.packs
    .filter((p) => p.topics.some((t) => t.questions.length > 0))
    .map((p) => {
      const questions = p.topics.flatMap((t) => t.questions);
      const r = p.exam ? readiness(p.domains, questions, schedules, at, p.exam) : undefined;
      return {
        packId: p.id,
        title: p.title,
        readiness: r && {
          expected: r.expected,
          estimatedScore: r.estimatedScore,
          passScore: r.passScore,
          maxScore: r.maxScore,
          likelyPass: r.likelyPass,
          seen: r.seen,
          total: r.total,
          at: r.at,
          atExamDate: at !== now,
          byDomain: r.byDomain.map((d) => ({ title: d.title, weight: d.weight, expected: d.expected, seen: d.seen, total: d.total })),
          leftOut: r.leftOut,
        },
        domains: p.domains.map((d) => {
          const topics = p.topics.filter((t) => t.domainId === d.id && t.questions.length > 0);
          return {
            id: d.id,
            title: d.title,
            weight: d.weight,
            ...progress.mastery(
              topics.flatMap((t) => t.questions),
              now,
            ),
            topics: topics.map((t) => ({ key: topicKey(t), title: t.title, ...progress.mastery(t.questions, now) })),
          };
        }),
      };
    });

  const dueCounts = dueCountsByDay(schedules, now, DUE_DAYS);
  const allTopics = c.packs.flatMap((p) => p.topics);
  const attempts = progress.attempts().map((record) => {
    const result = examResultOf(record);
    const domains = c.packs.find((p) => p.id === result.packId)?.domains ?? [];
    const s = scoreExam(result, domains);
    return { id: result.id, title: result.title, at: result.submittedAt, estimatedScore: s.estimatedScore, passScore: s.passScore, maxScore: s.maxScore, passed: s.passed, correct: s.correct, total: s.total, end: result.end };
  });
  return {
    generatedAt: now,
    answers: progress.answerCount,
    examDate,
    examDateError,
    packs,
    // The packs' answers per day; flashcard reviews count for the streak (a day studied) but not here.
    accuracy: progress.dailyAccuracy(now, ACCURACY_DAYS),
    due: dueCounts.map((count, i) => ({ day: dayKeyFrom(now, i), count })),
    streak: progress.streak(now),
    weakest: weakestTopics(allTopics, schedules, now, 5).map((t) => ({ key: `${t.packId}/${t.topicId}`, title: t.title, recall: t.recall, seen: t.seen, total: t.total, mastered: t.mastered })),
    decks: cards?.indexed ? deckFigures(cards, progress, now) : [],
    attempts,
  };
}

/** Cards, due, new and 30-day retention per deck of the learner's notes. */
function deckFigures(cards: CardService, progress: ProgressService, now: number): DashboardView['decks'] {
  const since = now - ACCURACY_DAYS * 86_400_000;
  const reviews = new Map<string, { ok: number; all: number }>();
  for (const [at, key, ok] of progress.recentCardReviews(now)) {
    if (at < since) continue;
    const t = reviews.get(key) ?? { ok: 0, all: 0 };
    t.all++;
    if (ok) t.ok++;
    reviews.set(key, t);
  }
  return cards.decks().map((d) => {
    const counts = cards.counts(d.cards, now);
    let ok = 0;
    let all = 0;
    for (const c of d.cards) {
      const t = reviews.get(c.id);
      if (t) {
        ok += t.ok;
        all += t.all;
      }
    }
    return { deck: d.deck, cards: counts.cards, due: counts.due, fresh: counts.fresh, retention: all > 0 ? ok / all : undefined, reviews: all };
  });
}

/** One dashboard; it redraws itself as progress changes. */
export class DashboardPanels implements vscode.WebviewPanelSerializer<unknown> {
  private current: DashboardPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly quiz: QuizPanels,
    private readonly exams: ExamPanels,
    private readonly cards?: CardService,
  ) {}

  get panel(): DashboardPanel | undefined {
    return this.current;
  }

  show(): DashboardPanel {
    if (this.current) {
      this.current.panel.reveal();
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, vscode.l10n.t('Study Progress'), vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    return this.adopt(panel);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel): Promise<void> {
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): DashboardPanel {
    this.current?.panel.dispose();
    const p = new DashboardPanel(panel, this.extensionUri, this.content, this.progress, this.quiz, this.exams, this.cards, () => {
      if (this.current === p) this.current = undefined;
    });
    this.current = p;
    return p;
  }

  dispose(): void {
    this.current?.panel.dispose();
  }
}
