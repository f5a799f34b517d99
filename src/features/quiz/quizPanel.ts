import * as vscode from 'vscode';
import type { Question, Topic } from '../../core/content/model';
import { isCorrectAnswer } from '../../core/quiz/answers';
import { QuizSession, type SessionState } from '../../core/quiz/session';
import { isQuizClientMessage, type QuestionView, type QuizClientMessage, type QuizHostMessage, type SummaryView } from '../../webview/protocol';
import { questionByKey, topicKey, type Content, type ContentService } from '../content/contentService';
import type { AnswerSink } from '../progress/answerSink';
import { openNotesOfTerm } from '../notes/register';
import { setUpPanel, webviewOptions } from '../webviewHtml';
import { bodyView, caseView, feedbackView } from './questionViews';
import { questionStrings } from './questionStrings';
import { TermMarker, termHelpEnabled, unmarked } from './termMarker';

export const QUIZ_VIEW_TYPE = 'studyDeck.quiz';

/** What the webview keeps with setState, so the serializer can bring the panel back after a reload. */
export interface QuizPanelState {
  /** "pack/topic" for a topic's quiz, "term:pack/term" for the questions that use a term. */
  readonly key: string;
  readonly title: string;
  readonly session: SessionState;
}

export function isQuizPanelState(v: unknown): v is QuizPanelState {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const s = o.session as Record<string, unknown> | undefined;
  return typeof o.key === 'string' && typeof o.title === 'string' && typeof s === 'object' && s !== null && Array.isArray(s.questionKeys) && typeof s.index === 'number' && typeof s.answers === 'object' && Array.isArray(s.flagged);
}

function uiStrings(): Record<string, string> {
  return {
    submit: vscode.l10n.t('Submit'),
    next: vscode.l10n.t('Next'),
    finish: vscode.l10n.t('See summary'),
    flag: vscode.l10n.t('Flag'),
    unflag: vscode.l10n.t('Unflag'),
    correct: vscode.l10n.t('Correct'),
    incorrect: vscode.l10n.t('Incorrect'),
    chooseOne: vscode.l10n.t('Choose one.'),
    chooseN: vscode.l10n.t('Choose {0}.'),
    questionOf: vscode.l10n.t('Question {0} of {1}'),
    explanation: vscode.l10n.t('Explanation'),
    terms: vscode.l10n.t('Terms in this question'),
    rightOption: vscode.l10n.t('Right answer'),
    wrongOption: vscode.l10n.t('Wrong answer'),
    yourChoice: vscode.l10n.t('your choice'),
    summary: vscode.l10n.t('Summary'),
    score: vscode.l10n.t('{0} of {1} correct'),
    retryMissed: vscode.l10n.t('Retry missed'),
    review: vscode.l10n.t('Review'),
    keyboardHint: vscode.l10n.t('Keys: 1–9 choose, Enter submits and moves on, F flags.'),
    answers: vscode.l10n.t('Answers'),
    ...questionStrings(),
  };
}

/** One panel per topic; the session lives in the extension, the webview only renders and reports input. */
export class QuizPanel {
  private session: QuizSession;
  private readonly disposables: vscode.Disposable[] = [];
  private showingSummary = false;
  /** For tests and the "first question painted" measure. */
  firstPaintMs: number | undefined;
  private readonly openedAt = performance.now();

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly key: string,
    private readonly topicTitle: string,
    session: QuizSession,
    extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly answers: AnswerSink,
    private readonly onDispose: () => void,
  ) {
    this.session = session;
    setUpPanel(panel, extensionUri, { script: 'quiz.js', styles: [], title: topicTitle, strings: uiStrings() });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        // Anything that is not a well-formed protocol message is dropped unread.
        if (isQuizClientMessage(m)) void this.handle(m);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  get state(): QuizPanelState {
    return { key: this.key, title: this.topicTitle, session: this.session.state() };
  }

  get currentIndex(): number {
    return this.session.index;
  }

  private async handle(m: QuizClientMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post();
        if (this.firstPaintMs === undefined) this.firstPaintMs = performance.now() - this.openedAt;
        return;
      case 'answer': {
        if (this.session.current?.key !== m.key) return;
        const event = this.session.answer(m.chosen);
        if (event) this.answers.record(event);
        this.post();
        return;
      }
      case 'next':
        if (!this.session.next()) this.showingSummary = true;
        this.post();
        return;
      case 'flag':
        if (this.session.current?.key === m.key) this.session.toggleFlag();
        this.post();
        return;
      case 'review':
        this.showingSummary = false;
        this.session.goTo(m.index);
        this.post();
        return;
      case 'summary':
        this.showingSummary = true;
        this.post();
        return;
      case 'retryMissed': {
        const missed = this.session.missed();
        if (missed.length === 0) return;
        this.session = new QuizSession(missed);
        this.showingSummary = false;
        this.post();
        return;
      }
      case 'openTerm':
        // Only ids of terms the loaded content knows; the message never names a command.
        await openNotesOfTerm(this.content, m.id);
        return;
      case 'lookUpTerm':
        // The command resolves only keys of loaded terms.
        await vscode.commands.executeCommand('studyDeck.lookUpTerm', m.key);
        return;
    }
  }

  /** Sends the current view; its state travels along so the webview can persist it. */
  post(): void {
    const c = this.content.peek();
    let message: QuizHostMessage;
    if (this.session.questions.length === 0) {
      message = { type: 'empty', message: vscode.l10n.t('This topic has no questions yet.') };
    } else if (this.showingSummary) {
      message = { type: 'summary', summary: this.summaryView() };
    } else {
      message = { type: 'question', question: this.questionView(this.session.current!, c) };
    }
    void this.panel.webview.postMessage({ ...message, state: this.state });
  }

  private questionView(q: Question, c: Content | undefined): QuestionView {
    const chosen = this.session.answerOf(q.key);
    const marker = c && termHelpEnabled() ? new TermMarker(c) : undefined;
    const mark = marker?.mark ?? unmarked;
    return {
      key: q.key,
      index: this.session.index,
      total: this.session.questions.length,
      prompt: mark(q.prompt),
      body: bodyView(q, this.session.seed, chosen ? mark : unmarked),
      case: c && caseView(q, c.cases, mark),
      flagged: this.session.isFlagged(q.key),
      topicTitle: this.topicTitle,
      feedback: chosen ? feedbackView(q, chosen, (id) => c?.terms.get(id)?.term ?? id, mark) : undefined,
      glossary: marker?.tips() ?? [],
    };
  }

  private summaryView(): SummaryView {
    const score = this.session.score();
    return {
      correct: score.correct,
      total: score.total,
      missed: this.session.missed().length,
      items: this.session.questions.map((q, index) => {
        const a = this.session.answerOf(q.key);
        return { index, prompt: q.prompt, correct: a !== undefined && isCorrectAnswer(q, a), flagged: this.session.isFlagged(q.key) };
      }),
    };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/** Opens, reveals and restores quiz panels. */
export class QuizPanels implements vscode.WebviewPanelSerializer<unknown> {
  private readonly open = new Map<string, QuizPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly content: ContentService,
    private readonly answers: AnswerSink,
  ) {}

  get(key: string): QuizPanel | undefined {
    return this.open.get(key);
  }

  openTopic(topic: Topic): QuizPanel {
    return this.openQuestions(topicKey(topic), topic.title, topic.questions);
  }

  /** One panel per key: revealed if already open, else created over these questions. */
  openQuestions(key: string, title: string, questions: readonly Question[]): QuizPanel {
    const existing = this.open.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(QUIZ_VIEW_TYPE, vscode.l10n.t('Quiz: {0}', title), vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    return this.adopt(panel, key, title, new QuizSession(questions));
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isQuizPanelState(state)) {
      panel.dispose();
      return;
    }
    const c = await this.content.get();
    // Questions are found by their stable keys, so edits to the pack keep the session where it was.
    const session = QuizSession.restore(state.session, (k) => questionByKey(c, k));
    if (session.questions.length === 0) {
      panel.dispose();
      return;
    }
    this.adopt(panel, state.key, state.title, session);
  }

  private adopt(panel: vscode.WebviewPanel, key: string, title: string, session: QuizSession): QuizPanel {
    this.open.get(key)?.panel.dispose();
    const qp = new QuizPanel(panel, key, title, session, this.extensionUri, this.content, this.answers, () => {
      if (this.open.get(key) === qp) this.open.delete(key);
    });
    this.open.set(key, qp);
    return qp;
  }

  dispose(): void {
    for (const p of [...this.open.values()]) p.panel.dispose();
  }
}
