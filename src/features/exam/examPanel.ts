import * as vscode from 'vscode';
import type { Pack, Question } from '../../core/content/model';
import { drawExam, type ExamDraw } from '../../core/exam/draw';
import type { ExamResult } from '../../core/exam/examSession';
import { scoreExam } from '../../core/exam/score';
import { examResultOf } from '../../core/progress/records';
import { hashSeed } from '../../core/quiz/answers';
import { isExamClientMessage, type ExamClientMessage, type ExamHostMessage, type ExamResultsView, type ExamRunView } from '../../webview/examProtocol';
import type { QuestionView } from '../../webview/protocol';
import { topicKey, type Content, type ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';
import type { QuizPanels } from '../quiz/quizPanel';
import { openNotesOfTerm } from '../notes/register';
import { setUpPanel, webviewOptions } from '../webviewHtml';
import { bodyView, caseView, feedbackView } from '../quiz/questionViews';
import { questionStrings } from '../quiz/questionStrings';
import { TermMarker, termHelpEnabled, unmarked } from '../quiz/termMarker';
import type { ExamService } from './examService';

export const EXAM_VIEW_TYPE = 'studyDeck.exam';
/** Questions in a "study your weakest domain" quiz: enough to learn from, short enough to finish. */
const STUDY_DOMAIN_SIZE = 20;

/** What the panel shows; kept by the webview (setState) so the serializer can restore it. */
export type ExamPanelState =
  | { readonly mode: 'intro'; readonly packId: string }
  | { readonly mode: 'exam'; readonly examId: string }
  | { readonly mode: 'results'; readonly attemptId: string; readonly review?: number };

export function isExamPanelState(v: unknown): v is ExamPanelState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  if (o.mode === 'intro') return typeof o.packId === 'string';
  if (o.mode === 'exam') return typeof o.examId === 'string';
  if (o.mode === 'results') return typeof o.attemptId === 'string' && (o.review === undefined || (typeof o.review === 'number' && Number.isInteger(o.review)));
  return false;
}

function uiStrings(): Record<string, string> {
  return {
    mockExam: vscode.l10n.t('Mock exam'),
    introBody: vscode.l10n.t('{0} questions in {1} minutes. Pass mark {2} of {3}.'),
    introRules: vscode.l10n.t('No feedback until you submit. You can change answers, flag questions and move around freely. The clock starts when you press Start and keeps running while the panel is hidden; it stops only while the editor is closed. When time runs out, the exam is submitted as it stands.'),
    begin: vscode.l10n.t('Start the exam'),
    questionOf: vscode.l10n.t('Question {0} of {1}'),
    chooseOne: vscode.l10n.t('Choose one.'),
    chooseN: vscode.l10n.t('Choose {0}.'),
    previous: vscode.l10n.t('Previous'),
    next: vscode.l10n.t('Next'),
    flag: vscode.l10n.t('Flag for review'),
    unflag: vscode.l10n.t('Remove flag'),
    clear: vscode.l10n.t('Clear answer'),
    reviewSubmit: vscode.l10n.t('Review and submit'),
    timeLeft: vscode.l10n.t('Time left'),
    timeWarning: vscode.l10n.t('{0} minutes left.'),
    timeUp: vscode.l10n.t('Time is up. Submitting…'),
    navigator: vscode.l10n.t('Questions'),
    navAnswered: vscode.l10n.t('answered'),
    navUnanswered: vscode.l10n.t('unanswered'),
    navFlagged: vscode.l10n.t('flagged'),
    navCurrent: vscode.l10n.t('current'),
    navItem: vscode.l10n.t('Question {0}'),
    counts: vscode.l10n.t('{0} answered · {1} unanswered · {2} flagged'),
    confirmTitle: vscode.l10n.t('Submit the exam?'),
    confirmUnanswered: vscode.l10n.t('Unanswered: {0}. They count as wrong.'),
    confirmFlagged: vscode.l10n.t('Flagged for review: {0}.'),
    confirmAll: vscode.l10n.t('Every question is answered.'),
    submitNow: vscode.l10n.t('Submit now'),
    backToExam: vscode.l10n.t('Back to the questions'),
    paused: vscode.l10n.t('The clock was stopped for {0} minutes while the editor was closed.'),
    results: vscode.l10n.t('Results'),
    estimate: vscode.l10n.t('Estimated score {0} of {1}'),
    passLine: vscode.l10n.t('Pass mark {0}'),
    likelyPass: vscode.l10n.t('Above the pass mark'),
    likelyFail: vscode.l10n.t('Below the pass mark'),
    estimateNote: vscode.l10n.t('An estimate: {0} of {1} right, scaled linearly to {2}. The real exam scales scores across exam forms and includes unscored questions, so treat a result near the pass mark as uncertain.'),
    endedTimeout: vscode.l10n.t('Submitted automatically when time ran out after {0}.'),
    endedSubmitted: vscode.l10n.t('Submitted after {0} of {1}.'),
    byDomain: vscode.l10n.t('Results by domain'),
    domainRow: vscode.l10n.t('{0}: {1} of {2} ({3}%), weight {4}%'),
    weakest: vscode.l10n.t('Weakest domain: {0}'),
    studyWeakest: vscode.l10n.t('Study {0}'),
    questions: vscode.l10n.t('Every question'),
    correct: vscode.l10n.t('Correct'),
    incorrect: vscode.l10n.t('Incorrect'),
    unanswered: vscode.l10n.t('Unanswered'),
    review: vscode.l10n.t('Review'),
    reviewQuestion: vscode.l10n.t('Review question {0}'),
    backToResults: vscode.l10n.t('Back to results'),
    explanation: vscode.l10n.t('Explanation'),
    terms: vscode.l10n.t('Terms in this question'),
    rightOption: vscode.l10n.t('Right answer'),
    wrongOption: vscode.l10n.t('Wrong answer'),
    yourChoice: vscode.l10n.t('your choice'),
    noAnswer: vscode.l10n.t('You did not answer this question.'),
    keyboardHint: vscode.l10n.t('Keys: 1–9 choose, N next, P previous, F flag.'),
    minutes: vscode.l10n.t('{0} min'),
    ...questionStrings(),
  };
}

type Mode = { kind: 'intro'; pack: Pack; draw: ExamDraw } | { kind: 'exam' } | { kind: 'results'; attemptId: string; review?: number };

/** The one mock exam panel: an intro, the running exam, then the results of an attempt. */
export class ExamPanel {
  private mode: Mode;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    mode: Mode,
    extensionUri: vscode.Uri,
    private readonly service: ExamService,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly quiz: QuizPanels,
    private readonly onDispose: () => void,
  ) {
    this.mode = mode;
    setUpPanel(panel, extensionUri, { script: 'exam.js', styles: ['charts.css', 'exam.css'], title: vscode.l10n.t('Mock exam'), strings: uiStrings() });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      service.onDidChange(() => {
        if (this.mode.kind === 'exam' && !service.active) this.post();
      }),
      service.onDidSubmit(({ result }) => {
        if (this.mode.kind !== 'exam') return;
        this.mode = { kind: 'results', attemptId: result.id };
        this.post();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get state(): ExamPanelState {
    switch (this.mode.kind) {
      case 'intro':
        return { mode: 'intro', packId: this.mode.pack.id };
      case 'exam':
        return { mode: 'exam', examId: this.service.active?.id ?? '' };
      case 'results':
        return { mode: 'results', attemptId: this.mode.attemptId, review: this.mode.review };
    }
  }

  show(mode: Mode): void {
    this.mode = mode;
    this.post();
    this.panel.reveal();
  }

  /** Everything a webview posts comes through here; anything off-protocol is dropped unread. */
  async receive(m: unknown): Promise<void> {
    if (isExamClientMessage(m)) await this.handle(m);
  }

  private async handle(m: ExamClientMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post();
        return;
      case 'begin':
        if (this.mode.kind !== 'intro') return;
        await this.service.start(this.mode.pack, this.mode.draw);
        this.mode = { kind: 'exam' };
        this.post();
        return;
      case 'answer':
        if (this.mode.kind !== 'exam') return;
        await this.service.answer(m.key, m.chosen);
        this.post();
        return;
      case 'flag':
        if (this.mode.kind !== 'exam') return;
        await this.service.toggleFlag(m.key);
        this.post();
        return;
      case 'goTo':
        if (this.mode.kind !== 'exam') return;
        await this.service.goTo(m.index);
        this.post();
        return;
      case 'submit':
        // The webview asked for confirmation first; onDidSubmit switches this panel to the results.
        if (this.mode.kind === 'exam') await this.service.submit('submitted');
        return;
      case 'reviewQuestion':
        if (this.mode.kind !== 'results') return;
        this.mode = { ...this.mode, review: m.index };
        this.post();
        return;
      case 'results':
        if (this.mode.kind !== 'results') return;
        this.mode = { kind: 'results', attemptId: this.mode.attemptId };
        this.post();
        return;
      case 'studyDomain':
        if (this.mode.kind === 'results') await this.studyDomain(this.mode.attemptId, m.domainId);
        return;
      case 'openTerm':
        // Only ids of terms the loaded content knows; the message never names a command.
        await openNotesOfTerm(this.content, m.id);
        return;
      case 'lookUpTerm':
        // Terms are marked only in the results review, never while an exam runs.
        if (this.mode.kind === 'results') await vscode.commands.executeCommand('studyDeck.lookUpTerm', m.key);
        return;
    }
  }

  /** Sends what the panel shows now, with the state the webview keeps for a reload. */
  post(): void {
    void this.message().then((message) => this.panel.webview.postMessage({ ...message, state: this.state }));
  }

  private async message(): Promise<ExamHostMessage> {
    const c = await this.content.get();
    switch (this.mode.kind) {
      case 'intro': {
        const exam = this.mode.pack.exam!;
        return {
          type: 'intro',
          intro: { title: this.mode.pack.title, questions: this.mode.draw.questions.length, minutes: exam.minutes, passScore: exam.passScore, maxScore: exam.maxScore, notes: this.mode.draw.notes },
        };
      }
      case 'exam': {
        const view = this.runView(c);
        if (view) return { type: 'exam', exam: view };
        return { type: 'empty', message: this.service.movedAway ? vscode.l10n.t('This exam continues in another window.') : vscode.l10n.t('This exam has ended.') };
      }
      case 'results': {
        const result = this.attempt(this.mode.attemptId);
        if (!result) return { type: 'empty', message: vscode.l10n.t('This exam attempt is no longer in your progress history.') };
        if (this.mode.review !== undefined) {
          const question = reviewView(result, this.mode.review, c);
          if (question) return { type: 'reviewQuestion', question, attemptId: result.id };
        }
        return { type: 'results', results: resultsView(result, c) };
      }
    }
  }

  private runView(c: Content): ExamRunView | undefined {
    const s = this.service.active;
    const q = s?.current;
    if (!s || !q) return undefined;
    const now = this.service.now();
    return {
      title: s.title,
      total: s.questions.length,
      question: { key: q.key, index: s.index, prompt: q.prompt, body: bodyView(q, s.seed), case: caseView(q, c.cases), chosen: s.answerOf(q.key) ?? [], flagged: s.isFlagged(q.key) },
      navigator: s.questions.map((x) => {
        const caseTitle = x.caseKey === undefined ? undefined : c.cases.get(x.caseKey)?.title;
        return { answered: s.isAnswered(x.key), flagged: s.isFlagged(x.key), ...(caseTitle ? { caseTitle } : {}) };
      }),
      remainingMs: s.remainingMs(now),
      limitMs: s.limitMs,
      notes: s.notes,
      pausedMs: this.service.pausedMs,
    };
  }

  private attempt(id: string): ExamResult | undefined {
    const record = this.progress.attempts().find((r) => r.id === id);
    return record && examResultOf(record);
  }

  /** A quiz over the weakest domain: the ones missed in this attempt first, then due, then never answered. */
  private async studyDomain(attemptId: string, domainId: string): Promise<void> {
    const result = this.attempt(attemptId);
    const c = await this.content.get();
    const pack = c.packs.find((p) => p.id === result?.packId);
    const domain = pack?.domains.find((d) => d.id === domainId);
    if (!result || !pack || !domain) return;
    const all = pack.topics.filter((t) => t.domainId === domainId).flatMap((t) => t.questions);
    const missed = new Set(result.items.filter((i) => i.domainId === domainId && !i.correct).map((i) => i.key));
    const now = Date.now();
    const rank = (q: Question) => {
      if (missed.has(q.key)) return 0;
      const s = this.progress.schedule(q.key);
      return s === undefined ? 2 : s.due <= now ? 1 : 3;
    };
    const ordered = all
      .map((q, i) => ({ q, r: rank(q), i }))
      .sort((a, b) => a.r - b.r || a.i - b.i)
      .map((x) => x.q)
      .slice(0, STUDY_DOMAIN_SIZE);
    this.quiz.openQuestions(`domain:${pack.id}/${domain.id}`, domain.title, ordered);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

function firstLine(markdown: string): string {
  const line = markdown.trim().split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}

function resultsView(result: ExamResult, c: Content): ExamResultsView {
  const pack = c.packs.find((p) => p.id === result.packId);
  const domains = pack?.domains ?? [];
  const score = scoreExam(result, domains);
  const titleOf = (id: string) => domains.find((d) => d.id === id)?.title ?? id;
  return {
    attemptId: result.id,
    title: result.title,
    submittedAt: result.submittedAt,
    end: result.end,
    elapsedMs: result.elapsedMs,
    limitMs: result.limitMs,
    correct: score.correct,
    answered: score.answered,
    total: score.total,
    percent: score.percent,
    estimatedScore: score.estimatedScore,
    passScore: score.passScore,
    maxScore: score.maxScore,
    passed: score.passed,
    byDomain: score.byDomain,
    weakest: score.weakestDomainId === undefined ? undefined : { domainId: score.weakestDomainId, title: titleOf(score.weakestDomainId) },
    items: result.items.map((item, index) => {
      const q = c.questions.get(item.key);
      return {
        index,
        prompt: q ? firstLine(q.prompt) : vscode.l10n.t('This question is no longer in the pack.'),
        answered: item.chosen.length > 0,
        correct: item.correct,
        domainTitle: titleOf(item.domainId),
        available: q !== undefined,
      };
    }),
  };
}

/** A finished question with all its explanations, the way the quiz panel shows an answered one. */
function reviewView(result: ExamResult, index: number, c: Content): QuestionView | undefined {
  const item = result.items[index];
  const q = item && c.questions.get(item.key);
  if (!item || !q) return undefined;
  const topic = c.topics.get(topicKey({ packId: q.packId, id: q.topicId }));
  // Term help comes back in the review; while the exam ran there was none.
  const marker = termHelpEnabled() ? new TermMarker(c) : undefined;
  const mark = marker?.mark ?? unmarked;
  return {
    key: q.key,
    index,
    total: result.items.length,
    prompt: mark(q.prompt),
    // The attempt's id seeds the order, so the review shows items as the exam did.
    body: bodyView(q, hashSeed(result.id), mark),
    case: caseView(q, c.cases, mark),
    flagged: false,
    topicTitle: topic?.title ?? '',
    feedback: feedbackView(q, item.chosen, (id) => c.terms.get(id)?.term ?? id, mark),
    glossary: marker?.tips() ?? [],
  };
}

/** Opens and restores the exam panel; there is one, since there is one exam at a time. */
export class ExamPanels implements vscode.WebviewPanelSerializer<unknown> {
  private current: ExamPanel | undefined;
  private readonly shown = new vscode.EventEmitter<void>();
  /** Fires when the panel opens, closes, or is shown or hidden. */
  readonly onDidChangeVisibility = this.shown.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: ExamService,
    private readonly content: ContentService,
    private readonly progress: ProgressService,
    private readonly quiz: QuizPanels,
  ) {}

  get panel(): ExamPanel | undefined {
    return this.current;
  }

  showIntro(pack: Pack, draw: ExamDraw): ExamPanel {
    return this.show({ kind: 'intro', pack, draw });
  }

  showExam(): ExamPanel {
    return this.show({ kind: 'exam' });
  }

  showResults(attemptId: string): ExamPanel {
    return this.show({ kind: 'results', attemptId });
  }

  private show(mode: Mode): ExamPanel {
    if (this.current) {
      this.current.show(mode);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(EXAM_VIEW_TYPE, vscode.l10n.t('Mock Exam'), vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    return this.adopt(panel, mode);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const mode = await this.restoredMode(state);
    if (!mode) {
      panel.dispose();
      return;
    }
    this.adopt(panel, mode);
  }

  /** The exam in progress wins over whatever the panel showed; else its attempt or a fresh intro. */
  private async restoredMode(state: unknown): Promise<Mode | undefined> {
    if (await this.service.resume()) return { kind: 'exam' };
    if (!isExamPanelState(state)) return undefined;
    await this.progress.ready();
    if (state.mode === 'results') return this.progress.attempts().some((a) => a.id === state.attemptId) ? { kind: 'results', attemptId: state.attemptId, review: state.review } : undefined;
    if (state.mode === 'exam') {
      // Submitted meanwhile (time ran out while the editor was reloading): show how it went.
      return this.progress.attempts().some((a) => a.id === state.examId) ? { kind: 'results', attemptId: state.examId } : undefined;
    }
    const c = await this.content.get();
    const pack = c.packs.find((p) => p.id === state.packId && p.exam);
    return pack ? { kind: 'intro', pack, draw: drawExam(pack) } : undefined;
  }

  private adopt(panel: vscode.WebviewPanel, mode: Mode): ExamPanel {
    this.current?.panel.dispose();
    const p = new ExamPanel(panel, mode, this.extensionUri, this.service, this.content, this.progress, this.quiz, () => {
      if (this.current === p) this.current = undefined;
      viewState.dispose();
      this.shown.fire();
    });
    const viewState = panel.onDidChangeViewState(() => this.shown.fire());
    this.current = p;
    this.shown.fire();
    return p;
  }

  dispose(): void {
    this.current?.panel.dispose();
    this.shown.dispose();
  }
}
