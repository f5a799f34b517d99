// The quiz webview: renders what the extension sends and reports the learner's input. It holds no
// quiz logic; pack text enters the DOM only as textContent or as Markdown rendered with HTML off.
import type { QuestionView, QuizClientMessage, QuizHostMessage, SummaryView } from '../../src/webview/protocol';
import { el, t } from './dom';
import { appendFeedback, explanationSection, markdown, onTermOpen, setTermTips } from './markdown';
import { answerInput, currentOrder, feedbackBody, instruction, scenarioSection, type AnswerInput } from './questionInput';

const vscode = acquireVsCodeApi<unknown>();
const app = document.getElementById('app')!;

function send(m: QuizClientMessage): void {
  vscode.postMessage(m);
}

let current: QuestionView | undefined;
let input: AnswerInput | undefined;

function announce(text: string): void {
  const live = document.getElementById('announce');
  if (live) live.textContent = text;
}

function renderQuestion(q: QuestionView): void {
  current = q;
  setTermTips(q.glossary);
  const answered = q.feedback !== undefined;
  const header = el('header', { class: 'quiz-header' });
  header.append(el('span', { class: 'topic' }, q.topicTitle), el('span', { class: 'counter' }, t('questionOf', q.index + 1, q.total)));
  const bar = el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': String(q.total), 'aria-valuenow': String(q.index + (answered ? 1 : 0)), 'aria-label': t('questionOf', q.index + 1, q.total) });
  const fill = el('div', { class: 'progress-fill' });
  fill.style.width = `${Math.round(((q.index + (answered ? 1 : 0)) / q.total) * 100)}%`;
  bar.append(fill);

  const promptId = `prompt-${q.index}`;
  const prompt = markdown(q.prompt, 'prompt');
  prompt.id = promptId;
  const hint = el('p', { class: 'choose' }, instruction(q.body));

  let answerArea: HTMLElement;
  if (answered && (q.body.type === 'single' || q.body.type === 'multiple')) {
    // The learner's own ticks stay in view beside each option's reason.
    input = undefined;
    answerArea = answerInput(q.body, { labelledBy: promptId, announce, answer: q.feedback!.chosen, disabled: true }).element;
    answerArea.querySelectorAll<HTMLElement>('.option').forEach((row, i) => appendFeedback(row, q.feedback!, i));
  } else if (answered) {
    input = undefined;
    answerArea = feedbackBody(q.body, q.feedback!, promptId);
  } else {
    input = answerInput(q.body, { labelledBy: promptId, announce, onChange: updateSubmit });
    answerArea = input.element;
  }

  const actions = el('div', { class: 'actions' });
  const flag = el('button', { type: 'button', class: 'secondary', id: 'flag', 'aria-pressed': String(q.flagged) }, el('span', { class: 'codicon codicon-bookmark', 'aria-hidden': 'true' }), ` ${q.flagged ? t('unflag') : t('flag')}`);
  flag.setAttribute('aria-label', q.flagged ? t('unflag') : t('flag'));
  flag.addEventListener('click', () => send({ type: 'flag', key: q.key }));
  const parts: Node[] = [];
  if (!answered) {
    const submit = el('button', { type: 'button', id: 'submit' }, t('submit'));
    submit.addEventListener('click', submitAnswer);
    actions.append(submit, flag);
  } else {
    const f = q.feedback!;
    const last = q.index === q.total - 1;
    const next = el('button', { type: 'button', id: 'next' }, last ? t('finish') : t('next'));
    next.addEventListener('click', () => send({ type: 'next' }));
    actions.append(next, flag);
    const banner = el('div', { class: `banner ${f.correct ? 'ok' : 'bad'}`, role: 'status' }, el('span', { class: `codicon ${f.correct ? 'codicon-pass-filled' : 'codicon-error'}`, 'aria-hidden': 'true' }), ` ${f.correct ? t('correct') : t('incorrect')}`);
    parts.push(banner);
    const expl = explanationSection(f, (id) => send({ type: 'openTerm', id }));
    parts.push(expl);
  }
  const form = el('section', { class: 'question', 'aria-label': t('questionOf', q.index + 1, q.total) }, ...(q.case ? [scenarioSection(q.case)] : []), prompt, hint, answerArea);
  app.replaceChildren(header, bar, el('div', { class: 'live', id: 'announce', role: 'status', 'aria-live': 'polite' }), form, ...parts.slice(0, 1), actions, ...parts.slice(1), el('p', { class: 'hint' }, t('keyboardHint')));
  updateSubmit();
  const focusTarget = answered
    ? app.querySelector<HTMLElement>('#next')
    : app.querySelector<HTMLElement>('input[name="option"], .order-item[tabindex="0"], .matching');
  focusTarget?.focus();
}

/** Submit waits for a whole answer: every prompt of a matching question needs its response. */
function updateSubmit(): void {
  const submit = app.querySelector<HTMLButtonElement>('#submit');
  if (submit && input) submit.disabled = !input.complete();
}

function submitAnswer(): void {
  if (!current || current.feedback || !input || !input.complete()) return;
  // An ordering is answered as it stands, moved or not.
  const chosen = current.body.type === 'ordering' ? currentOrder(input) : input.read();
  if (chosen.length === 0) return;
  send({ type: 'answer', key: current.key, chosen });
}

function renderSummary(s: SummaryView): void {
  current = undefined;
  const list = el('ol', { class: 'summary-list' });
  for (const item of s.items) {
    const b = el('button', { type: 'button', class: 'link' }, t('review'));
    b.addEventListener('click', () => send({ type: 'review', index: item.index }));
    const icon = el('span', { class: `codicon ${item.correct ? 'codicon-pass' : 'codicon-error'}`, role: 'img', 'aria-label': item.correct ? t('correct') : t('incorrect') });
    const text = el('span', { class: 'summary-prompt' }, item.prompt.split('\n')[0].slice(0, 160));
    list.append(el('li', { class: item.correct ? 'is-right' : 'is-wrong' }, icon, ' ', text, ' ', b));
  }
  const actions = el('div', { class: 'actions' });
  if (s.missed > 0) {
    const retry = el('button', { type: 'button', id: 'retry' }, t('retryMissed'));
    retry.addEventListener('click', () => send({ type: 'retryMissed' }));
    actions.append(retry);
  }
  app.replaceChildren(el('h1', {}, t('summary')), el('p', { class: 'score', role: 'status' }, t('score', s.correct, s.total)), actions, el('h2', {}, t('answers')), list);
  app.querySelector<HTMLElement>('#retry, button')?.focus();
}

window.addEventListener('message', (e: MessageEvent<QuizHostMessage & { state?: unknown }>) => {
  const m = e.data;
  if (m.state) vscode.setState(m.state);
  switch (m.type) {
    case 'question':
      renderQuestion(m.question);
      break;
    case 'summary':
      renderSummary(m.summary);
      break;
    case 'empty':
      app.replaceChildren(el('p', { class: 'empty' }, m.message));
      break;
  }
});

document.addEventListener('keydown', (e) => {
  if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.target as HTMLElement;
  // Keys typed into a select choose its entries; they are not shortcuts there.
  if (target.tagName === 'SELECT') return;
  if (/^\d$/.test(e.key) && !current.feedback) {
    if (input?.pickByDigit?.(Number(e.key))) {
      updateSubmit();
      e.preventDefault();
    }
  } else if (e.key === 'Enter' && target.tagName !== 'BUTTON') {
    e.preventDefault();
    if (current.feedback) send({ type: 'next' });
    else submitAnswer();
  } else if ((e.key === 'f' || e.key === 'F') && target.tagName !== 'INPUT') {
    send({ type: 'flag', key: current.key });
  }
});

onTermOpen((key) => send({ type: 'lookUpTerm', key }));
send({ type: 'ready' });
