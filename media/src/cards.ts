// The flashcard webview: shows a card's front, then its back and the four ratings, and reports keys and
// clicks. The extension owns the queue, the schedules and the typed-answer check. Card text is Markdown
// rendered with HTML off.
import type { CardView, CardsClientMessage, CardsDoneView, CardsHostMessage } from '../../src/webview/cardsProtocol';
import { el, t } from './dom';
import { markdown, onTermOpen, setTermTips } from './markdown';

const vscode = acquireVsCodeApi<unknown>();
const app = document.getElementById('app')!;
let current: CardView | undefined;

function send(m: CardsClientMessage): void {
  vscode.postMessage(m);
}

function reveal(): void {
  if (!current || current.revealed) return;
  const typed = document.querySelector<HTMLInputElement>('#typed');
  send({ type: 'reveal', key: current.key, ...(current.typing ? { typed: typed?.value ?? '' } : {}) });
}

function verdictView(card: CardView): HTMLElement | undefined {
  const v = card.verdict;
  if (!v) return undefined;
  const diff = el('p', { class: 'diff', 'aria-label': t('expected', v.expected) });
  for (const part of v.diff) {
    const span = el('span', { class: `diff-${part.kind}` }, part.text);
    if (part.kind !== 'same') span.setAttribute('title', part.kind === 'missing' ? t('missing') : t('extra'));
    diff.append(span, ' ');
  }
  return el(
    'section',
    { class: `verdict-box ${v.match ? 'is-match' : 'is-miss'}`, role: 'status' },
    el('p', { class: 'verdict-line' }, el('span', { class: `codicon ${v.match ? 'codicon-pass-filled' : 'codicon-error'}`, 'aria-hidden': 'true' }), ` ${v.match ? t('match') : t('noMatch')}`),
    diff,
  );
}

function renderCard(card: CardView): void {
  current = card;
  setTermTips(card.glossary);
  const header = el(
    'header',
    { class: 'quiz-header' },
    el('span', { class: 'topic' }, `#${card.deck} · ${card.status}`),
    el('span', { class: 'counter' }, t('cardOf', card.index + 1, card.total)),
  );
  const front = markdown(card.front, 'card-front');
  front.setAttribute('aria-label', t('front'));
  const parts: Node[] = [header, el('section', { class: 'card-face', id: 'front' }, front)];
  if (!card.revealed) {
    if (card.typing) {
      const input = el('input', { id: 'typed', type: 'text', class: 'typed-input', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'type-hint' });
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          reveal();
        }
      });
      const check = el('button', { type: 'button', id: 'show' }, t('check'));
      check.addEventListener('click', reveal);
      parts.push(el('label', { for: 'typed', class: 'typed-label' }, t('typeLabel')), input, el('div', { class: 'actions' }, check), el('p', { class: 'hint', id: 'type-hint' }, t('typeHint')));
    } else {
      const show = el('button', { type: 'button', id: 'show' }, t('show'));
      show.addEventListener('click', reveal);
      parts.push(el('div', { class: 'actions' }, show), el('p', { class: 'hint' }, t('showHint')));
    }
  } else {
    const back = markdown(card.back, 'card-back');
    back.setAttribute('aria-label', t('back'));
    const verdict = verdictView(card);
    if (verdict) parts.push(verdict);
    parts.push(el('section', { class: 'card-face is-back', id: 'back' }, back));
    const ratings = el('div', { class: 'ratings', role: 'group', 'aria-label': t('ratings') });
    for (const r of card.ratings) {
      const b = el('button', { type: 'button', class: `rating rating-${r.rating}`, id: `rate-${r.rating}`, 'aria-keyshortcuts': String(r.rating) }, el('span', { class: 'key', 'aria-hidden': 'true' }, String(r.rating)), ` ${r.label} `, el('span', { class: 'interval' }, r.interval));
      b.setAttribute('aria-label', `${r.label}, ${r.interval}`);
      b.addEventListener('click', () => send({ type: 'rate', key: card.key, rating: r.rating }));
      ratings.append(b);
    }
    parts.push(ratings, el('p', { class: 'hint' }, t('rateHint')));
  }
  const source = el('button', { type: 'button', class: 'link', id: 'open-source' }, `${t('openSource')} (${card.where})`);
  source.addEventListener('click', () => send({ type: 'openSource', key: card.key }));
  parts.push(el('p', { class: 'where' }, source));
  app.replaceChildren(...parts);
  const focus = card.revealed ? document.querySelector<HTMLElement>('#rate-3') : document.querySelector<HTMLElement>(card.typing ? '#typed' : '#show');
  focus?.focus();
}

function renderDone(done: CardsDoneView): void {
  current = undefined;
  const list = el('ul', { class: 'tally' });
  for (const x of done.tally) list.append(el('li', {}, `${x.label}: ${x.count}`));
  app.replaceChildren(el('h1', {}, t('done')), el('p', { class: 'score', role: 'status' }, t('reviewed', done.reviewed)), list, ...(done.next ? [el('p', {}, t('nextDue', done.next))] : []));
}

window.addEventListener('message', (e: MessageEvent<CardsHostMessage & { state?: unknown }>) => {
  const m = e.data;
  if (m.state) vscode.setState(m.state);
  switch (m.type) {
    case 'card':
      renderCard(m.card);
      break;
    case 'done':
      renderDone(m.done);
      break;
    case 'empty':
      current = undefined;
      app.replaceChildren(el('p', { class: 'empty' }, m.message));
      break;
  }
});

document.addEventListener('keydown', (e) => {
  if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  // Typing an answer: keys are letters, not shortcuts.
  if (target.tagName === 'INPUT') return;
  // On a focused button, Space and Enter click it (Show answer reveals); elsewhere they reveal.
  if (!current.revealed && (e.key === ' ' || e.key === 'Enter') && target.tagName !== 'BUTTON') {
    e.preventDefault();
    reveal();
  } else if (current.revealed && /^[1-4]$/.test(e.key)) {
    e.preventDefault();
    send({ type: 'rate', key: current.key, rating: Number(e.key) as 1 | 2 | 3 | 4 });
  }
});

onTermOpen((key) => send({ type: 'lookUpTerm', key }));
send({ type: 'ready' });
