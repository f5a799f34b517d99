// The mock exam webview: renders the intro, the running exam, the results and reviewed questions. The
// extension owns answers and the clock; this side only shows them and reports input.
import type { ExamClientMessage, ExamHostMessage, ExamIntroView, ExamResultsView, ExamRunView, NavigatorItem } from '../../src/webview/examProtocol';
import type { QuestionView } from '../../src/webview/protocol';
import { scale } from './charts';
import { clock, el, t } from './dom';
import { explanationSection, markdown, onTermOpen, setTermTips } from './markdown';
import { answerInput, currentOrder, feedbackBody, instruction, scenarioSection, type AnswerInput } from './questionInput';

const vscode = acquireVsCodeApi<unknown>();
const app = document.getElementById('app')!;

function send(m: ExamClientMessage): void {
  vscode.postMessage(m);
}

let run: ExamRunView | undefined;
let confirming = false;
let deadline = 0;
let ticker: ReturnType<typeof setInterval> | undefined;
let warned = new Set<number>();

// ---- the running exam -------------------------------------------------------------------------------

function counts(nav: readonly NavigatorItem[]): { answered: number; unanswered: number; flagged: number } {
  const answered = nav.filter((n) => n.answered).length;
  return { answered, unanswered: nav.length - answered, flagged: nav.filter((n) => n.flagged).length };
}

function navLabel(i: number, n: NavigatorItem, current: boolean): string {
  const parts = [t('navItem', i + 1), n.answered ? t('navAnswered') : t('navUnanswered')];
  if (n.flagged) parts.push(t('navFlagged'));
  if (current) parts.push(t('navCurrent'));
  return parts.join(', ');
}

function navigator(view: ExamRunView, only?: (n: NavigatorItem) => boolean): HTMLElement {
  const grid = el('div', { class: 'navigator', role: 'list', 'aria-label': t('navigator') });
  // A case study's questions sit together in the exam; the navigator boxes them under the case's title.
  let group: { title: string; box: HTMLElement } | undefined;
  view.navigator.forEach((n, i) => {
    if (only && !only(n)) return;
    let parent: HTMLElement = grid;
    if (n.caseTitle !== undefined) {
      if (group?.title !== n.caseTitle) {
        const box = el('div', { class: 'nav-case-items', role: 'list', 'aria-label': t('caseStudy', n.caseTitle) });
        grid.append(el('div', { class: 'nav-case', role: 'listitem' }, el('span', { class: 'nav-case-title', 'aria-hidden': 'true' }, el('span', { class: 'codicon codicon-briefcase' }), ` ${n.caseTitle}`), box));
        group = { title: n.caseTitle, box };
      }
      parent = group.box;
    } else {
      group = undefined;
    }
    const current = i === view.question.index && !confirming;
    const b = el('button', { type: 'button', class: `nav-item${n.answered ? ' is-answered' : ''}${n.flagged ? ' is-flagged' : ''}${current ? ' is-current' : ''}`, 'aria-label': navLabel(i, n, current), title: navLabel(i, n, current), 'data-index': String(i) }, String(i + 1));
    if (n.flagged) b.append(el('span', { class: 'codicon codicon-bookmark nav-flag', 'aria-hidden': 'true' }));
    if (current) b.setAttribute('aria-current', 'step');
    b.addEventListener('click', () => {
      confirming = false;
      send({ type: 'goTo', index: i });
    });
    parent.append(el('div', { role: 'listitem' }, b));
  });
  rovingFocus(grid, view.question.index);
  return grid;
}

/**
 * One Tab stop for the whole navigator: arrow keys move between questions (Up and Down by a row), Home and
 * End jump to the ends, Enter or Space opens the question. Without this, reaching question 40 takes 40 Tabs.
 */
function rovingFocus(grid: HTMLElement, currentIndex: number): void {
  const buttons = [...grid.querySelectorAll<HTMLButtonElement>('button.nav-item')];
  const start = Math.max(0, buttons.findIndex((b) => Number(b.dataset.index) === currentIndex));
  buttons.forEach((b, i) => (b.tabIndex = i === start ? 0 : -1));
  grid.addEventListener('keydown', (e) => {
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at === -1) return;
    // Buttons per row, from the layout: the grid's column count follows the panel's width.
    const perRow = Math.max(1, buttons.filter((b) => b.offsetTop === buttons[0].offsetTop).length);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, ArrowDown: at + perRow, ArrowUp: at - perRow, Home: 0, End: buttons.length - 1 };
    const to = moves[e.key];
    if (to === undefined || to < 0 || to >= buttons.length) return;
    e.preventDefault();
    e.stopPropagation();
    buttons[at].tabIndex = -1;
    buttons[to].tabIndex = 0;
    buttons[to].focus();
  });
}

function legend(): HTMLElement {
  return el(
    'p',
    { class: 'legend', 'aria-hidden': 'true' },
    el('span', { class: 'swatch is-answered' }),
    ` ${t('navAnswered')} `,
    el('span', { class: 'swatch' }),
    ` ${t('navUnanswered')} `,
    el('span', { class: 'codicon codicon-bookmark' }),
    ` ${t('navFlagged')}`,
  );
}

function header(view: ExamRunView): HTMLElement {
  const c = counts(view.navigator);
  const timer = el('span', { class: 'timer', id: 'timer', role: 'timer', 'aria-label': t('timeLeft') }, el('span', { class: 'codicon codicon-watch', 'aria-hidden': 'true' }), ' ', el('span', { id: 'timer-text' }, clock(view.remainingMs)));
  return el(
    'header',
    { class: 'exam-header' },
    el('span', { class: 'exam-title' }, `${t('mockExam')} · ${view.title}`),
    el('span', { class: 'exam-counts', id: 'counts' }, t('counts', c.answered, c.unanswered, c.flagged)),
    timer,
  );
}

let input: AnswerInput | undefined;

/** What had focus, so a re-render can put it back on the same control (a keyboard user keeps their place). */
function focusedControl(): string | undefined {
  const a = document.activeElement as HTMLElement | null;
  if (!a || a === document.body) return undefined;
  if (a.dataset.index !== undefined) return `[data-index="${a.dataset.index}"]`;
  return a.id && a.tagName === 'BUTTON' ? `#${a.id}` : undefined;
}

function renderRun(view: ExamRunView, focus: string | undefined): void {
  // No term help while the exam runs: it could give answers away.
  setTermTips(undefined);
  const q = view.question;
  const sameQuestion = run?.question.key === q.key && !confirming && app.querySelector('#exam-question');
  run = view;
  startClock(view.remainingMs);
  if (sameQuestion) {
    // An answer or flag changed: update the surroundings, leave the options (and focus) as they are.
    app.querySelector('.exam-header')?.replaceWith(header(view));
    app.querySelector('.navigator')?.replaceWith(navigator(view));
    const flag = app.querySelector<HTMLButtonElement>('#flag');
    if (flag) updateFlag(flag, q.flagged);
    if (q.chosen.length > 0) app.querySelector('#keep-order')?.parentElement?.remove();
    if (focus) app.querySelector<HTMLElement>(focus)?.focus();
    updateTimer();
    return;
  }
  if (confirming) return renderConfirm(view);

  const promptId = `prompt-${q.index}`;
  const prompt = markdown(q.prompt, 'prompt');
  prompt.id = promptId;
  input = answerInput(q.body, { labelledBy: promptId, answer: q.chosen, announce, onChange: (chosen) => send({ type: 'answer', key: q.key, chosen }) });
  const answerArea: Node[] = [input.element];
  if (q.body.type === 'ordering' && q.chosen.length === 0) {
    // The shuffled order is not an answer until the learner moves an item or keeps it on purpose.
    const keep = el('button', { type: 'button', class: 'secondary', id: 'keep-order' }, t('answerOrder'));
    const current = input;
    keep.addEventListener('click', () => send({ type: 'answer', key: q.key, chosen: currentOrder(current) }));
    answerArea.push(el('div', { class: 'actions' }, keep));
  }

  const prev = el('button', { type: 'button', class: 'secondary', id: 'prev' }, el('span', { class: 'codicon codicon-arrow-left', 'aria-hidden': 'true' }), ` ${t('previous')}`);
  prev.disabled = q.index === 0;
  prev.addEventListener('click', () => send({ type: 'goTo', index: q.index - 1 }));
  const next = el('button', { type: 'button', id: 'next' }, `${t('next')} `, el('span', { class: 'codicon codicon-arrow-right', 'aria-hidden': 'true' }));
  next.disabled = q.index === view.total - 1;
  next.addEventListener('click', () => send({ type: 'goTo', index: q.index + 1 }));
  const flag = el('button', { type: 'button', class: 'secondary', id: 'flag' });
  updateFlag(flag, q.flagged);
  flag.addEventListener('click', () => send({ type: 'flag', key: q.key }));
  const clear = el('button', { type: 'button', class: 'secondary', id: 'clear' }, t('clear'));
  clear.addEventListener('click', () => {
    // Drawn afresh from the host's answer (none), whatever the question's type.
    run = undefined;
    send({ type: 'answer', key: q.key, chosen: [] });
  });
  const review = el('button', { type: 'button', id: 'review-submit' }, el('span', { class: 'codicon codicon-checklist', 'aria-hidden': 'true' }), ` ${t('reviewSubmit')}`);
  review.addEventListener('click', () => {
    confirming = true;
    // The latest view: answers and flags may have changed since this question was drawn.
    renderConfirm(run ?? view);
  });

  const notes = view.notes.map((n) => el('p', { class: 'notice' }, el('span', { class: 'codicon codicon-info', 'aria-hidden': 'true' }), ` ${n}`));
  if (view.pausedMs >= 60_000) notes.push(el('p', { class: 'notice' }, el('span', { class: 'codicon codicon-debug-pause', 'aria-hidden': 'true' }), ` ${t('paused', Math.round(view.pausedMs / 60_000))}`));
  const question = el(
    'section',
    { class: 'question', id: 'exam-question', 'aria-label': t('questionOf', q.index + 1, view.total) },
    el('h2', { class: 'question-number' }, t('questionOf', q.index + 1, view.total)),
    ...(q.case ? [scenarioSection(q.case)] : []),
    prompt,
    el('p', { class: 'choose' }, instruction(q.body)),
    ...answerArea,
  );
  app.replaceChildren(
    header(view),
    el('div', { class: 'live', id: 'announce', role: 'status', 'aria-live': 'polite' }),
    ...notes,
    el('div', { class: 'exam-layout' }, el('div', { class: 'exam-main' }, question, el('div', { class: 'actions' }, prev, next, flag, clear), el('div', { class: 'actions' }, review)), el('aside', { class: 'exam-side', 'aria-label': t('navigator') }, el('h2', {}, t('navigator')), navigator(view), legend())),
    el('p', { class: 'hint' }, t('keyboardHint')),
  );
  const target = focus ? app.querySelector<HTMLButtonElement>(focus) : null;
  (target && !target.disabled ? target : app.querySelector<HTMLElement>('input[name="option"], .order-item[tabindex="0"], .matching'))?.focus();
  updateTimer();
}

function updateFlag(flag: HTMLButtonElement, flagged: boolean): void {
  flag.replaceChildren(el('span', { class: 'codicon codicon-bookmark', 'aria-hidden': 'true' }), ` ${flagged ? t('unflag') : t('flag')}`);
  flag.setAttribute('aria-pressed', String(flagged));
  flag.classList.toggle('is-flagged', flagged);
}

function renderConfirm(view: ExamRunView): void {
  const c = counts(view.navigator);
  const lines = [c.unanswered > 0 ? t('confirmUnanswered', c.unanswered) : t('confirmAll')];
  if (c.flagged > 0) lines.push(t('confirmFlagged', c.flagged));
  const submit = el('button', { type: 'button', id: 'submit-now' }, t('submitNow'));
  submit.addEventListener('click', () => {
    submit.disabled = true;
    send({ type: 'submit' });
  });
  const back = el('button', { type: 'button', class: 'secondary', id: 'back-to-exam' }, t('backToExam'));
  back.addEventListener('click', () => {
    confirming = false;
    run = undefined;
    send({ type: 'goTo', index: view.question.index });
  });
  app.replaceChildren(
    header(view),
    el('div', { class: 'live', id: 'announce', role: 'status', 'aria-live': 'polite' }),
    el('section', { class: 'confirm', 'aria-labelledby': 'confirm-title' }, el('h1', { id: 'confirm-title' }, t('confirmTitle')), ...lines.map((l) => el('p', { class: c.unanswered > 0 ? 'warning' : '' }, l)), el('div', { class: 'actions' }, submit, back)),
    el('h2', {}, t('navigator')),
    navigator(view),
    legend(),
  );
  submit.focus();
  updateTimer();
}

// ---- the clock: shown here, enforced by the extension -------------------------------------------------

function startClock(remainingMs: number): void {
  deadline = performance.now() + remainingMs;
  ticker ??= setInterval(updateTimer, 1000);
}

function stopClock(): void {
  if (ticker) clearInterval(ticker);
  ticker = undefined;
}

function updateTimer(): void {
  const text = document.getElementById('timer-text');
  if (!text || !run) return;
  const left = deadline - performance.now();
  text.textContent = clock(left);
  const timer = document.getElementById('timer');
  timer?.classList.toggle('is-low', left <= 5 * 60_000);
  timer?.setAttribute('aria-label', `${t('timeLeft')} ${clock(left)}`);
  // Screen readers hear the clock at a few moments, not every second.
  for (const minutes of [10, 5, 1]) {
    if (left <= minutes * 60_000 && left > (minutes - 1) * 60_000 && run.limitMs > minutes * 60_000 && !warned.has(minutes)) {
      warned.add(minutes);
      announce(t('timeWarning', minutes));
    }
  }
  if (left <= 0) {
    announce(t('timeUp'));
    stopClock();
  }
}

function announce(text: string): void {
  const live = document.getElementById('announce');
  if (live) live.textContent = text;
}

// ---- intro, results, review -------------------------------------------------------------------------

function renderIntro(intro: ExamIntroView): void {
  stopClock();
  run = undefined;
  const begin = el('button', { type: 'button', id: 'begin' }, el('span', { class: 'codicon codicon-play', 'aria-hidden': 'true' }), ` ${t('begin')}`);
  begin.addEventListener('click', () => {
    begin.disabled = true;
    warned = new Set();
    send({ type: 'begin' });
  });
  app.replaceChildren(
    el('h1', {}, `${t('mockExam')}: ${intro.title}`),
    el('p', { class: 'intro-figures' }, t('introBody', intro.questions, intro.minutes, intro.passScore, intro.maxScore)),
    el('p', {}, t('introRules')),
    ...intro.notes.map((n) => el('p', { class: 'notice' }, el('span', { class: 'codicon codicon-info', 'aria-hidden': 'true' }), ` ${n}`)),
    el('div', { class: 'actions' }, begin),
  );
  begin.focus();
}

function domainBars(r: ExamResultsView): HTMLElement {
  const list = el('div', { class: 'domain-bars', role: 'list', 'aria-label': t('byDomain') });
  for (const d of r.byDomain) {
    const row = el('div', { class: 'domain-row', role: 'listitem', 'aria-label': t('domainRow', d.title, d.correct, d.total, d.percent, d.weight) });
    const bar = el('div', { class: 'bar', 'aria-hidden': 'true' });
    const fill = el('div', { class: `bar-fill ${d.percent >= (r.passScore / r.maxScore) * 100 ? 'fill-pass' : 'fill-fail'}` });
    fill.style.width = `${d.percent}%`;
    bar.append(fill);
    row.append(el('span', { class: 'domain-name', 'aria-hidden': 'true' }, d.title), bar, el('span', { class: 'domain-figure', 'aria-hidden': 'true' }, `${d.correct}/${d.total} · ${d.percent}%`));
    list.append(row);
  }
  return list;
}

function renderResults(r: ExamResultsView): void {
  stopClock();
  run = undefined;
  confirming = false;
  const minutes = (ms: number) => t('minutes', Math.round(ms / 60_000));
  const ended = r.end === 'timeout' ? t('endedTimeout', minutes(r.elapsedMs)) : t('endedSubmitted', minutes(r.elapsedMs), minutes(r.limitMs));
  const verdict = el('p', { class: `verdict-badge ${r.passed ? 'is-pass' : 'is-fail'}`, role: 'status' }, el('span', { class: `codicon ${r.passed ? 'codicon-pass-filled' : 'codicon-error'}`, 'aria-hidden': 'true' }), ` ${r.passed ? t('likelyPass') : t('likelyFail')}`);
  const parts: Node[] = [
    el('h1', {}, `${t('results')}: ${r.title}`),
    el('p', { class: 'big-score', id: 'score' }, t('estimate', r.estimatedScore, r.maxScore)),
    verdict,
    scale({ value: r.estimatedScore, max: r.maxScore, pass: r.passScore, good: r.passed, describe: `${t('estimate', r.estimatedScore, r.maxScore)}. ${t('passLine', r.passScore)}.`, passLabel: t('passLine', r.passScore) }),
    el('p', { class: 'estimate-note' }, t('estimateNote', r.correct, r.total, r.maxScore)),
    el('p', { class: 'ended' }, ended),
    el('h2', {}, t('byDomain')),
    domainBars(r),
  ];
  if (r.weakest) {
    const study = el('button', { type: 'button', id: 'study-weakest' }, el('span', { class: 'codicon codicon-book', 'aria-hidden': 'true' }), ` ${t('studyWeakest', r.weakest.title)}`);
    const id = r.weakest.domainId;
    study.addEventListener('click', () => send({ type: 'studyDomain', domainId: id }));
    parts.push(el('p', { class: 'weakest' }, t('weakest', r.weakest.title)), el('div', { class: 'actions' }, study));
  }
  const list = el('ol', { class: 'summary-list' });
  for (const item of r.items) {
    const state = !item.answered ? 'unanswered' : item.correct ? 'correct' : 'incorrect';
    const icon = el('span', { class: `codicon ${state === 'correct' ? 'codicon-pass' : state === 'incorrect' ? 'codicon-error' : 'codicon-circle-large-outline'}`, role: 'img', 'aria-label': t(state) });
    const li = el('li', { class: `is-${state}` }, icon, ' ', el('span', { class: 'summary-prompt' }, item.prompt), ' ', el('span', { class: 'summary-domain' }, `· ${item.domainTitle}`));
    if (item.available) {
      const b = el('button', { type: 'button', class: 'link', 'aria-label': t('reviewQuestion', item.index + 1) }, t('review'));
      b.addEventListener('click', () => send({ type: 'reviewQuestion', index: item.index }));
      li.append(' ', b);
    }
    list.append(li);
  }
  parts.push(el('h2', {}, t('questions')), list);
  app.replaceChildren(...parts);
  app.querySelector<HTMLElement>('#study-weakest, button')?.focus();
}

function renderReview(q: QuestionView): void {
  setTermTips(q.glossary);
  stopClock();
  run = undefined;
  input = undefined;
  const f = q.feedback!;
  const promptId = `review-prompt-${q.index}`;
  const prompt = markdown(q.prompt, 'prompt');
  prompt.id = promptId;
  const group = feedbackBody(q.body, f, promptId);
  const back = el('button', { type: 'button', id: 'back-to-results' }, el('span', { class: 'codicon codicon-arrow-left', 'aria-hidden': 'true' }), ` ${t('backToResults')}`);
  back.addEventListener('click', () => send({ type: 'results' }));
  const prev = el('button', { type: 'button', class: 'secondary', id: 'prev' }, t('previous'));
  prev.disabled = q.index === 0;
  prev.addEventListener('click', () => send({ type: 'reviewQuestion', index: q.index - 1 }));
  const next = el('button', { type: 'button', class: 'secondary', id: 'next' }, t('next'));
  next.disabled = q.index === q.total - 1;
  next.addEventListener('click', () => send({ type: 'reviewQuestion', index: q.index + 1 }));
  const banner = f.chosen.length === 0 ? el('div', { class: 'banner bad', role: 'status' }, t('noAnswer')) : el('div', { class: `banner ${f.correct ? 'ok' : 'bad'}`, role: 'status' }, el('span', { class: `codicon ${f.correct ? 'codicon-pass-filled' : 'codicon-error'}`, 'aria-hidden': 'true' }), ` ${f.correct ? t('correct') : t('incorrect')}`);
  app.replaceChildren(
    el('div', { class: 'actions' }, back, prev, next),
    el('header', { class: 'quiz-header' }, el('span', { class: 'topic' }, q.topicTitle), el('span', { class: 'counter' }, t('questionOf', q.index + 1, q.total))),
    el('section', { class: 'question', 'aria-label': t('questionOf', q.index + 1, q.total) }, ...(q.case ? [scenarioSection(q.case)] : []), prompt, group),
    banner,
    explanationSection(f, (id) => send({ type: 'openTerm', id })),
  );
  back.focus();
}

window.addEventListener('message', (e: MessageEvent<ExamHostMessage & { state?: unknown }>) => {
  const m = e.data;
  if (m.state) vscode.setState(m.state);
  switch (m.type) {
    case 'intro':
      renderIntro(m.intro);
      break;
    case 'exam':
      renderRun(m.exam, focusedControl());
      break;
    case 'results':
      renderResults(m.results);
      break;
    case 'reviewQuestion':
      renderReview(m.question);
      break;
    case 'empty':
      stopClock();
      run = undefined;
      app.replaceChildren(el('p', { class: 'empty' }, m.message));
      break;
  }
});

document.addEventListener('keydown', (e) => {
  if (!run || confirming || e.altKey || e.ctrlKey || e.metaKey) return;
  // Letters typed into a select pick its entries; they are not shortcuts there.
  if ((e.target as HTMLElement).tagName === 'SELECT') return;
  const q = run.question;
  if (/^[1-9]$/.test(e.key)) {
    if (input?.pickByDigit?.(Number(e.key))) e.preventDefault();
  } else if ((e.key === 'n' || e.key === 'N') && q.index < run.total - 1) {
    send({ type: 'goTo', index: q.index + 1 });
  } else if ((e.key === 'p' || e.key === 'P') && q.index > 0) {
    send({ type: 'goTo', index: q.index - 1 });
  } else if (e.key === 'f' || e.key === 'F') {
    send({ type: 'flag', key: q.key });
  }
});

onTermOpen((key) => send({ type: 'lookUpTerm', key }));
send({ type: 'ready' });
