import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IndexedCard } from '../../core/cards/cardIndex';
import { CardReviewSession, isCardSessionState, type CardSessionState } from '../../core/cards/reviewSession';
import { checkTypedAnswer } from '../../core/cards/typedAnswer';
import { TERM_CARD_FILE_PREFIX } from '../../core/glossary/termCards';
import type { CardRating } from '../../core/progress/records';
import { isDue, previewDue } from '../../core/progress/scheduler';
import { isCardsClientMessage, type CardView, type CardsClientMessage, type CardsHostMessage, type TypedVerdictView } from '../../webview/cardsProtocol';
import { formatWhen } from '../formatWhen';
import { termStrings } from '../quiz/questionStrings';
import { TermMarker, termHelpEnabled, unmarked } from '../quiz/termMarker';
import type { ContentService } from '../content/contentService';
import type { ProgressService } from '../progress/progressService';
import { setUpPanel, webviewOptions } from '../webviewHtml';
import type { CardService } from './cardService';

export const CARDS_VIEW_TYPE = 'studyDeck.cards';

/** What the webview keeps (setState) so the serializer can bring the panel back after a reload. */
interface CardsPanelState {
  readonly title: string;
  readonly session: CardSessionState;
}

function isCardsPanelState(v: unknown): v is CardsPanelState {
  const o = v as Partial<CardsPanelState> | undefined;
  return typeof o === 'object' && o !== null && typeof o.title === 'string' && isCardSessionState(o.session);
}

const RATING_LABELS = (): Record<CardRating, string> => ({
  1: vscode.l10n.t('Again'),
  2: vscode.l10n.t('Hard'),
  3: vscode.l10n.t('Good'),
  4: vscode.l10n.t('Easy'),
});

function uiStrings(): Record<string, string> {
  return {
    cardOf: vscode.l10n.t('Card {0} of {1}'),
    show: vscode.l10n.t('Show answer'),
    showHint: vscode.l10n.t('Space or Enter shows the answer.'),
    rateHint: vscode.l10n.t('How well did you remember? Keys 1–4.'),
    typeLabel: vscode.l10n.t('Your answer'),
    typeHint: vscode.l10n.t('Type your answer, then Enter.'),
    check: vscode.l10n.t('Check'),
    match: vscode.l10n.t('Matches the answer.'),
    noMatch: vscode.l10n.t('Does not match the answer; rate how well you knew it.'),
    expected: vscode.l10n.t('Answer: {0}'),
    missing: vscode.l10n.t('missing'),
    extra: vscode.l10n.t('not in the answer'),
    front: vscode.l10n.t('Question'),
    back: vscode.l10n.t('Answer'),
    openSource: vscode.l10n.t('Open in the note'),
    done: vscode.l10n.t('All done for now'),
    reviewed: vscode.l10n.t('{0} cards reviewed.'),
    nextDue: vscode.l10n.t('The next of these cards is due {0}.'),
    ratings: vscode.l10n.t('Ratings'),
    ...termStrings(),
  };
}

/** "10 min", "5 h", "3 d", "2 mo": how far away each rating would push the card. */
export function intervalLabel(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return vscode.l10n.t('{0} min', minutes);
  const hours = Math.round(minutes / 60);
  if (hours < 24) return vscode.l10n.t('{0} h', hours);
  const days = Math.round(hours / 24);
  if (days < 31) return vscode.l10n.t('{0} d', days);
  const months = days / 30.4;
  if (months < 12) return vscode.l10n.t('{0} mo', Math.round(months));
  return vscode.l10n.t('{0} y', (days / 365).toFixed(1));
}

/**
 * Image paths relative to the note become webview URIs when the file is inside a workspace folder (the only
 * local roots the panel may load from); any other image stays as written and the CSP blocks it.
 */
export function rewriteImages(markdown: string, noteUri: vscode.Uri, webview: vscode.Webview): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  return markdown.replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?((?:\s+"[^"]*")?)\s*\)/g, (whole, alt: string, target: string, title: string) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || noteUri.scheme !== 'file') return whole;
    let file: string;
    try {
      file = path.resolve(path.dirname(noteUri.fsPath), decodeURIComponent(target));
    } catch {
      return whole;
    }
    const inside = folders.some((f) => f.uri.scheme === 'file' && (file + path.sep).startsWith(f.uri.fsPath + path.sep));
    return inside ? `![${alt}](${webview.asWebviewUri(vscode.Uri.file(file)).toString()}${title})` : whole;
  });
}

/** One panel for a review sitting; reopened on a new set of cards. */
export class CardPanel {
  private session: CardReviewSession;
  private verdict: TypedVerdictView | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    private title: string,
    session: CardReviewSession,
    extensionUri: vscode.Uri,
    private readonly cards: CardService,
    private readonly progress: ProgressService,
    private readonly content: ContentService | undefined,
    private readonly onDispose: () => void,
  ) {
    this.session = session;
    setUpPanel(panel, extensionUri, { script: 'cards.js', styles: ['cards.css'], title, strings: uiStrings(), extraRoots: (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri) });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isCardsClientMessage(m)) void this.handle(m);
      }),
      // A card edited away while the panel is open is dropped from the sitting.
      cards.onDidChange(() => {
        const before = this.session.current;
        this.session.keepOnly((k) => cards.card(k) !== undefined);
        if (this.session.current !== before) this.post();
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Starts a new sitting in this panel. */
  restart(title: string, session: CardReviewSession): void {
    this.title = title;
    this.session = session;
    this.verdict = undefined;
    this.panel.title = title;
    this.post();
    this.panel.reveal();
  }

  get currentKey(): string | undefined {
    return this.session.current;
  }

  /** Everything a webview posts comes through here; anything off-protocol is dropped unread. */
  async receive(m: unknown): Promise<void> {
    if (isCardsClientMessage(m)) await this.handle(m);
  }

  private async handle(m: CardsClientMessage): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.post();
        return;
      case 'reveal': {
        if (m.key !== this.session.current || !this.session.reveal()) return;
        const card = this.cards.card(m.key);
        if (card && m.typed !== undefined && this.typing) {
          const v = checkTypedAnswer(m.typed, card.back);
          this.verdict = { typed: m.typed, ...v };
        }
        this.post();
        return;
      }
      case 'rate': {
        if (m.key !== this.session.current) return;
        const key = this.session.rate(m.rating);
        if (!key) return;
        this.verdict = undefined;
        await this.progress.recordCardReview(key, m.rating);
        this.post();
        return;
      }
      case 'lookUpTerm':
        await vscode.commands.executeCommand('studyDeck.lookUpTerm', m.key);
        return;
      case 'openSource': {
        const card = this.cards.card(m.key);
        if (!card) return;
        if (card.file.startsWith(TERM_CARD_FILE_PREFIX)) {
          // A glossary term card: its "source" is the term's entry.
          await vscode.commands.executeCommand('studyDeck.lookUpTerm', card.file.slice(TERM_CARD_FILE_PREFIX.length));
          return;
        }
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(card.file));
        const at = new vscode.Position(card.line, 0);
        await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(at, at) });
        return;
      }
    }
  }

  private get typing(): boolean {
    return vscode.workspace.getConfiguration('studyDeck').get<boolean>('cards.typedAnswer', false);
  }

  post(): void {
    this.session.keepOnly((k) => this.cards.card(k) !== undefined);
    const message = this.message();
    void this.panel.webview.postMessage({ ...message, state: { title: this.title, session: this.session.state() } satisfies CardsPanelState });
  }

  private message(): CardsHostMessage {
    if (this.session.total === 0) return { type: 'empty', message: vscode.l10n.t('No cards are due here. New cards and due reviews appear as you write them and as time passes.') };
    if (this.session.finished) {
      const labels = RATING_LABELS();
      const tally = this.session.tally;
      const keys = new Set(this.session.state().keys);
      let next: number | undefined;
      for (const k of keys) {
        const s = this.progress.cardSchedule(k);
        if (s && (next === undefined || s.due < next)) next = s.due;
      }
      return {
        type: 'done',
        done: {
          reviewed: tally[1] + tally[2] + tally[3] + tally[4],
          tally: ([1, 2, 3, 4] as const).map((r) => ({ label: labels[r], count: tally[r] })),
          next: next === undefined ? undefined : formatWhen(next),
        },
      };
    }
    return { type: 'card', card: this.cardView(this.cards.card(this.session.current!)!) };
  }

  private cardView(card: IndexedCard): CardView {
    const now = Date.now();
    const s = this.progress.cardSchedule(card.id);
    const due = previewDue(s, now);
    const labels = RATING_LABELS();
    const isTerm = card.file.startsWith(TERM_CARD_FILE_PREFIX);
    const uri = isTerm ? undefined : vscode.Uri.parse(card.file);
    const where = uri ? `${vscode.workspace.asRelativePath(uri, false)}:${card.line + 1}` : vscode.l10n.t('glossary entry');
    // Terms are explained once the answer is shown, never on a term card (its front is the term itself).
    const c = this.content?.peek();
    const marker = c && this.session.revealed && !isTerm && termHelpEnabled() ? new TermMarker(c) : undefined;
    const mark = marker?.mark ?? unmarked;
    return {
      key: card.id,
      front: mark(uri ? rewriteImages(card.front, uri, this.panel.webview) : card.front),
      back: mark(uri ? rewriteImages(card.back, uri, this.panel.webview) : card.back),
      kind: card.kind,
      deck: card.deck,
      where,
      status: !s ? vscode.l10n.t('New') : isDue(s, now) ? vscode.l10n.t('Due') : vscode.l10n.t('Review'),
      index: this.session.index,
      total: this.session.total,
      revealed: this.session.revealed,
      ratings: ([1, 2, 3, 4] as const).map((r) => ({ rating: r, label: labels[r], interval: intervalLabel(due[r] - now) })),
      typing: this.typing,
      verdict: this.verdict,
      glossary: marker?.tips() ?? [],
    };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDispose();
  }
}

/** Opens, reuses and restores the card panel; one sitting at a time. */
export class CardPanels implements vscode.WebviewPanelSerializer<unknown> {
  private current: CardPanel | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly cards: CardService,
    private readonly progress: ProgressService,
    private readonly content?: ContentService,
  ) {}

  get panel(): CardPanel | undefined {
    return this.current;
  }

  open(title: string, keys: readonly string[]): CardPanel {
    const session = new CardReviewSession(keys);
    if (this.current) {
      this.current.restart(title, session);
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(CARDS_VIEW_TYPE, title, vscode.ViewColumn.Active, webviewOptions(this.extensionUri, (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)));
    return this.adopt(panel, title, session);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isCardsPanelState(state)) {
      panel.dispose();
      return;
    }
    await Promise.all([this.cards.ready(), this.progress.ready()]);
    this.adopt(panel, state.title, new CardReviewSession([], state.session));
  }

  private adopt(panel: vscode.WebviewPanel, title: string, session: CardReviewSession): CardPanel {
    this.current?.panel.dispose();
    const p = new CardPanel(panel, title, session, this.extensionUri, this.cards, this.progress, this.content, () => {
      if (this.current === p) this.current = undefined;
    });
    this.current = p;
    return p;
  }

  dispose(): void {
    this.current?.panel.dispose();
  }
}
