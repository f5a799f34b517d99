// The progress dashboard webview: draws what the extension computed. Pack text (titles) enters the DOM
// only as textContent.
import type { DashboardClientMessage, DashboardHostMessage, DashboardView, PackDashboardView } from '../../src/webview/dashboardProtocol';
import { columnChart, scale, stackedRows } from './charts';
import { el, t } from './dom';

const vscode = acquireVsCodeApi<unknown>();
const app = document.getElementById('app')!;
const lang = document.documentElement.lang || undefined;

function send(m: DashboardClientMessage): void {
  vscode.postMessage(m);
}

/** 'YYYY-MM-DD' as a short local date, e.g. "Nov 28". */
function shortDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12).toLocaleDateString(lang, { month: 'short', day: 'numeric' });
}

function longDate(ms: number): string {
  return new Date(ms).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });
}

function percent(x: number): number {
  return Math.round(x * 100);
}

function button(id: string, icon: string, label: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = el('button', { type: 'button', id, class: cls }, el('span', { class: `codicon codicon-${icon}`, 'aria-hidden': 'true' }), ` ${label}`);
  b.addEventListener('click', onClick);
  return b;
}

function card(id: string, title: string, ...children: Node[]): HTMLElement {
  return el('section', { class: 'card', id, 'aria-labelledby': `${id}-title` }, el('h2', { id: `${id}-title` }, title), ...children);
}

function readinessCard(p: PackDashboardView, data: DashboardView): HTMLElement | undefined {
  const r = p.readiness;
  if (!r) return undefined;
  const verdict = el('p', { class: `verdict-badge ${r.likelyPass ? 'is-pass' : 'is-fail'}` }, el('span', { class: `codicon ${r.likelyPass ? 'codicon-pass-filled' : 'codicon-circle-large-outline'}`, 'aria-hidden': 'true' }), ` ${r.likelyPass ? t('readinessLikely') : t('readinessUnlikely')}`);
  const scoreText = t('readinessScore', r.estimatedScore, r.maxScore, r.passScore);
  const rows = stackedRows({
    id: `readiness-domains-${p.packId}`,
    caption: p.title,
    legend: false,
    series: [
      { label: '%', cls: 'fill-due' },
      { label: '', cls: 'fill-empty' },
    ],
    rows: r.byDomain.map((d) => ({ label: `${d.title} (${d.weight}%)`, describe: t('readinessDomain', d.title, percent(d.expected), d.weight), values: [percent(d.expected), 100 - percent(d.expected)], figure: `${percent(d.expected)}%` })),
  });
  const children: Node[] = [
    el('p', { class: 'big-score' }, scoreText),
    verdict,
    scale({ value: r.estimatedScore, max: r.maxScore, pass: r.passScore, good: r.likelyPass, describe: scoreText, passLabel: String(r.passScore) }),
    el('p', {}, r.atExamDate ? t('readinessAtDate', longDate(r.at)) : t('readinessAtToday'), ' ', t('readinessSeen', r.seen, r.total)),
    rows,
    el('p', { class: 'explain' }, t('readinessMeans')),
    el('p', { class: 'explain' }, t('readinessNot')),
  ];
  if (r.leftOut.length > 0) children.push(el('p', { class: 'explain' }, t('readinessLeftOut', r.leftOut.join(', '))));
  if (data.examDateError) children.push(el('p', { class: 'warning' }, t('examDateError', data.examDateError)));
  children.push(el('div', { class: 'actions' }, button(`start-exam-${p.packId}`, 'watch', t('startExam'), () => send({ type: 'startExam', packId: p.packId })), button('set-exam-date', 'calendar', t('setExamDate'), () => send({ type: 'setExamDate' }), 'secondary')));
  return card(`readiness-${p.packId}`, `${t('readiness')}: ${p.title}`, ...children);
}

function masteryCard(p: PackDashboardView): HTMLElement {
  const series = [
    { label: t('mastered'), cls: 'fill-pass' },
    { label: t('inProgress'), cls: 'fill-due' },
    { label: t('notStarted'), cls: 'fill-empty' },
  ];
  const row = (m: { title: string; mastered: number; seen: number; total: number }) => ({
    label: m.title,
    describe: t('masteryRow', m.title, m.mastered, m.seen - m.mastered, m.total - m.seen, m.total),
    values: [m.mastered, m.seen - m.mastered, m.total - m.seen],
  });
  const domains = stackedRows({ id: `mastery-${p.packId}`, caption: t('mastery'), series, rows: p.domains.filter((d) => d.total > 0).map(row) });
  const topics = p.domains
    .filter((d) => d.topics.length > 0)
    .map((d) =>
      el(
        'details',
        { class: 'topics' },
        el('summary', {}, `${t('topics')}: ${d.title}`),
        stackedRows({
          id: `mastery-${p.packId}-${d.id}`,
          caption: d.title,
          series,
          rows: d.topics.map(row),
          action: (_, i) => {
            const topic = d.topics[i];
            const b = el('button', { type: 'button', class: 'link', 'aria-label': t('studyTopic', topic.title) }, t('study'));
            b.addEventListener('click', () => send({ type: 'studyTopic', key: topic.key }));
            return b;
          },
        }),
      ),
    );
  return card(`mastery-card-${p.packId}`, `${t('mastery')}: ${p.title}`, domains, ...topics);
}

function accuracyCard(data: DashboardView): HTMLElement {
  const answered = data.accuracy.reduce((a, d) => a + d.answered, 0);
  const correct = data.accuracy.reduce((a, d) => a + d.correct, 0);
  const describe = answered === 0 ? t('accuracyNone') : t('accuracySummary', answered, percent(correct / answered));
  return card(
    'accuracy',
    t('accuracy'),
    el('p', { class: 'summary-line' }, describe),
    columnChart({
      id: 'accuracy-chart',
      caption: t('accuracy'),
      describe,
      labels: data.accuracy.map((d) => shortDay(d.day)),
      tickEvery: 7,
      ticksFromEnd: true,
      tickLabel: (i) => shortDay(data.accuracy[i].day),
      series: [
        { label: t('right'), cls: 'fill-pass', values: data.accuracy.map((d) => d.correct) },
        { label: t('wrong'), cls: 'fill-fail', values: data.accuracy.map((d) => d.answered - d.correct) },
      ],
    }),
  );
}

function dueCard(data: DashboardView): HTMLElement {
  const total = data.due.reduce((a, d) => a + d.count, 0);
  const today = data.due[0]?.count ?? 0;
  const describe = t('dueSummary', total, today);
  const children: Node[] = [
    el('p', { class: 'summary-line' }, describe),
    columnChart({
      id: 'due-chart',
      caption: t('due'),
      describe,
      labels: data.due.map((d) => shortDay(d.day)),
      tickEvery: 2,
      tickLabel: (i) => shortDay(data.due[i].day),
      series: [{ label: t('dueLegend'), cls: 'fill-due', values: data.due.map((d) => d.count) }],
    }),
  ];
  if (today > 0) children.push(el('div', { class: 'actions' }, button('review-due', 'mortar-board', t('reviewDue'), () => send({ type: 'reviewDue' }))));
  return card('due', t('due'), ...children);
}

function streakCard(data: DashboardView): HTMLElement {
  const s = data.streak;
  // The last 30 days as a strip of squares: studied or not.
  const strip = el('div', { class: 'streak-strip', 'aria-hidden': 'true' });
  for (const d of data.accuracy) strip.append(el('span', { class: `day${d.answered > 0 ? ' is-studied' : ''}`, title: `${shortDay(d.day)}: ${d.answered}` }));
  const children: Node[] = [el('p', { class: 'big-score', id: 'streak-figure' }, el('span', { class: 'codicon codicon-flame', 'aria-hidden': 'true' }), ` ${t('streakDays', s.current)}`), el('p', {}, t('streakLongest', s.longest)), strip];
  if (!s.answeredToday && s.current > 0) children.push(el('p', { class: 'explain' }, t('streakToday')));
  return card('streak', t('streak'), ...children);
}

function weakestCard(data: DashboardView): HTMLElement {
  const list = el('ol', { class: 'weakest-list' });
  for (const w of data.weakest) {
    const figure = w.recall === undefined ? t('weakestUntouched') : t('weakestRecall', percent(w.recall));
    const bar = el('span', { class: 'mini-bar', 'aria-hidden': 'true' });
    const fill = el('span', { class: `mini-fill ${w.recall !== undefined && w.recall >= 0.9 ? 'fill-pass' : 'fill-fail'}` });
    fill.style.width = `${w.recall === undefined ? 0 : percent(w.recall)}%`;
    bar.append(fill);
    const b = el('button', { type: 'button', class: 'secondary', 'aria-label': t('studyTopic', w.title), 'data-topic': w.key }, el('span', { class: 'codicon codicon-book', 'aria-hidden': 'true' }), ` ${t('study')}`);
    b.addEventListener('click', () => send({ type: 'studyTopic', key: w.key }));
    list.append(el('li', {}, el('span', { class: 'weak-title' }, w.title), bar, el('span', { class: 'weak-figure' }, `${figure} · ${w.mastered}/${w.total}`), b));
  }
  return card('weakest', t('weakest'), list);
}

function attemptsCard(data: DashboardView): HTMLElement {
  if (data.attempts.length === 0) return card('attempts', t('attempts'), el('p', { class: 'explain' }, t('attemptsNone')));
  const recent = data.attempts.slice(-12);
  const describe = recent.map((a) => t('attemptRow', longDate(a.at), a.estimatedScore, a.maxScore, a.passed ? t('passed') : t('failed'))).join('; ');
  const chart = columnChart({
    id: 'attempts-chart',
    caption: t('attempts'),
    describe,
    labels: recent.map((a) => new Date(a.at).toLocaleDateString(lang, { month: 'short', day: 'numeric' })),
    tickEvery: 1,
    tickLabel: (i) => String(i + 1),
    yMax: recent[recent.length - 1].maxScore,
    reference: { value: recent[recent.length - 1].passScore, label: String(recent[recent.length - 1].passScore) },
    series: [
      { label: t('passed'), cls: 'fill-pass', values: recent.map((a) => (a.passed ? a.estimatedScore : 0)) },
      { label: t('failed'), cls: 'fill-fail', values: recent.map((a) => (a.passed ? 0 : a.estimatedScore)) },
    ],
  });
  const list = el('ol', { class: 'attempt-list' });
  for (const a of [...recent].reverse()) {
    const b = el('button', { type: 'button', class: 'link', 'data-attempt': a.id }, t('openAttempt'));
    b.addEventListener('click', () => send({ type: 'openAttempt', id: a.id }));
    list.append(el('li', {}, t('attemptRow', longDate(a.at), a.estimatedScore, a.maxScore, a.passed ? t('passed') : t('failed')), ' ', b));
  }
  return card('attempts', t('attempts'), chart, list);
}

/** The learner's own decks: cards, due, new and recall, each with a Review button; no exam figures. */
function notesCard(data: DashboardView): HTMLElement | undefined {
  if (data.decks.length === 0) return undefined;
  const list = el('ul', { class: 'deck-list' });
  for (const d of data.decks) {
    const b = el('button', { type: 'button', class: 'link', 'aria-label': t('reviewDeckNamed', d.deck) }, t('reviewDeck'));
    b.addEventListener('click', () => send({ type: 'reviewDeck', deck: d.deck }));
    const recall = d.retention === undefined ? t('deckNoReviews') : t('deckRetention', Math.round(d.retention * 100), d.reviews);
    list.append(el('li', {}, `${t('deckRow', d.deck, d.cards, d.due, d.fresh)} · ${recall} `, b));
  }
  return card('notes', t('notes'), el('p', { class: 'explain' }, t('notesExplain')), list);
}

function render(data: DashboardView): void {
  const focusedId = (document.activeElement as HTMLElement | null)?.id;
  const openDetails = new Set([...app.querySelectorAll('details[open] > summary')].map((s) => s.textContent));
  const packs = data.packs.flatMap((p) => [readinessCard(p, data), masteryCard(p)]).filter((x): x is HTMLElement => x !== undefined);
  const notes = notesCard(data);
  app.replaceChildren(el('h1', {}, t('title')), el('p', { class: 'explain' }, t('generated', data.answers)), el('div', { class: 'grid' }, ...packs, ...(notes ? [notes] : []), streakCard(data), dueCard(data), accuracyCard(data), weakestCard(data), attemptsCard(data)));
  // A redraw after an answer elsewhere keeps what the user had open and focused.
  for (const s of app.querySelectorAll('details > summary')) if (openDetails.has(s.textContent)) (s.parentElement as HTMLDetailsElement).open = true;
  if (focusedId) document.getElementById(focusedId)?.focus();
}

window.addEventListener('message', (e: MessageEvent<DashboardHostMessage>) => {
  const m = e.data;
  if (m.type === 'dashboard') render(m.data);
  else app.replaceChildren(el('p', { class: 'empty' }, m.message));
});

send({ type: 'ready' });
