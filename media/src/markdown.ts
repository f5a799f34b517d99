// Pack Markdown for the webviews: rendered by markdown-it with raw HTML off, so pack text cannot make
// elements; only web links become links.
import MarkdownIt from 'markdown-it';
import type { FeedbackView, TermTipView } from '../../src/webview/protocol';
import { el, t } from './dom';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Pack text is untrusted: only web links become links; command:, javascript:, file: and the rest stay text.
// `term:` links are the glossary marks the extension adds; they become terms below, never links.
md.validateLink = (url: string) => /^(https?:|mailto:|term:[\w.%-]+$)/i.test(url.trim());

/** Markdown from a pack, rendered with raw HTML disabled (markdown-it escapes it). */
export function markdown(text: string, cls: string): HTMLElement {
  const div = el('div', { class: `md ${cls}` });
  div.innerHTML = md.render(text);
  upgradeTerms(div);
  return div;
}

export function inlineMarkdown(text: string): HTMLElement {
  const span = el('span', { class: 'md-inline' });
  span.innerHTML = md.renderInline(text);
  upgradeTerms(span);
  return span;
}

// ---- glossary terms in the text ------------------------------------------------------------------------

let tips = new Map<string, TermTipView>();
let openEntry: ((key: string) => void) | undefined;

/** The terms the extension marked in the view about to be drawn; call before rendering its Markdown. */
export function setTermTips(list: readonly TermTipView[] | undefined): void {
  tips = new Map((list ?? []).map((x) => [x.key, x]));
}

/** What a click (or Enter) on a term does: open its whole glossary entry. */
export function onTermOpen(fn: (key: string) => void): void {
  openEntry = fn;
}

/**
 * A `term:` link becomes a button that explains the term on hover and on keyboard focus (its tooltip is
 * its accessible description); a mark whose term the extension did not send, or any other `term:` link a
 * pack wrote itself, stays plain text.
 */
function upgradeTerms(root: HTMLElement): void {
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href^="term:"]')) {
    let key = '';
    try {
      key = decodeURIComponent(a.getAttribute('href')!.slice('term:'.length));
    } catch {
      key = '';
    }
    const tip = tips.get(key);
    if (!tip) {
      a.replaceWith(document.createTextNode(a.textContent ?? ''));
      continue;
    }
    const b = el('button', { type: 'button', class: 'term', 'data-term': key, 'aria-describedby': 'term-tip' }, a.textContent ?? '');
    a.replaceWith(b);
  }
}

function tipElement(): HTMLElement {
  let tip = document.getElementById('term-tip');
  if (!tip) {
    tip = el('div', { id: 'term-tip', role: 'tooltip', class: 'term-tip', hidden: '' });
    document.body.append(tip);
  }
  return tip;
}

function showTip(target: HTMLElement): void {
  const data = tips.get(target.dataset.term ?? '');
  if (!data) return;
  const tip = tipElement();
  const head = el('p', { class: 'term-tip-head' }, el('strong', {}, data.term), ...(data.expansion ? [` — ${data.expansion}`] : []));
  const parts: Node[] = [head, markdown(data.definition, 'term-tip-definition')];
  if (data.confusedWith.length > 0) {
    const list = el('ul', { class: 'term-tip-confused' });
    for (const c of data.confusedWith) list.append(el('li', {}, el('strong', {}, c.term), ...(c.difference ? [`: ${c.difference}`] : [])));
    parts.push(el('p', { class: 'term-tip-label' }, t('confusedWith')), list);
  }
  parts.push(el('p', { class: 'term-tip-hint' }, t('termOpenHint')));
  tip.replaceChildren(...parts);
  tip.hidden = false;
  // Below the term, kept inside the window.
  const r = target.getBoundingClientRect();
  const width = Math.min(420, window.innerWidth - 16);
  tip.style.width = `${width}px`;
  tip.style.left = `${Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - width - 8))}px`;
  tip.style.top = `${r.bottom + window.scrollY + 6}px`;
}

function hideTip(): void {
  const tip = document.getElementById('term-tip');
  if (tip) tip.hidden = true;
}

const termOf = (e: Event): HTMLElement | null => (e.target instanceof HTMLElement ? e.target.closest<HTMLElement>('button.term') : null);
document.addEventListener('mouseover', (e) => {
  const term = termOf(e);
  if (term) showTip(term);
});
document.addEventListener('mouseout', (e) => {
  if (termOf(e) && document.activeElement !== termOf(e)) hideTip();
});
document.addEventListener('focusin', (e) => {
  const term = termOf(e);
  if (term) showTip(term);
  else hideTip();
});
document.addEventListener('focusout', (e) => {
  if (termOf(e)) hideTip();
});
document.addEventListener(
  'keydown',
  (e) => {
    if (e.key !== 'Escape' || document.getElementById('term-tip')?.hidden !== false) return;
    hideTip();
    e.stopPropagation();
  },
  true,
);
document.addEventListener('click', (e) => {
  const term = termOf(e);
  if (!term) return;
  // Inside an option's label, a click on the term opens it without choosing the option.
  e.preventDefault();
  hideTip();
  openEntry?.(term.dataset.term!);
});

/** Marks an answered option right or wrong, with its reason, as the quiz and the exam review both show it. */
export function appendFeedback(row: HTMLElement, f: FeedbackView, i: number): void {
  if (f.detail.type !== 'choice') return;
  const option = f.detail.options[i];
  const right = option.correct;
  const chosen = f.chosen.includes(i);
  row.classList.add(right ? 'is-right' : 'is-wrong');
  if (chosen) row.classList.add('is-chosen');
  const verdict = el('span', { class: `verdict codicon ${right ? 'codicon-pass' : 'codicon-error'}`, role: 'img', 'aria-label': right ? t('rightOption') : t('wrongOption') });
  const tag = el('span', { class: 'verdict-text' }, right ? t('rightOption') : t('wrongOption'), chosen ? ` (${t('yourChoice')})` : '');
  row.append(el('div', { class: 'feedback-row' }, verdict, tag), markdown(option.why || '—', 'why'));
}

/** The explanation and the question's terms, each term a button that opens its notes. */
export function explanationSection(f: FeedbackView, openTerm: (id: string) => void): HTMLElement {
  const section = el('section', { class: 'explanation', 'aria-label': t('explanation') }, el('h2', {}, t('explanation')), markdown(f.explanation, 'explanation-body'));
  if (f.terms.length > 0) {
    const list = el('p', { class: 'terms' }, `${t('terms')}: `);
    f.terms.forEach((term, i) => {
      const b = el('button', { type: 'button', class: 'link' }, term.term);
      b.addEventListener('click', () => openTerm(term.id));
      if (i > 0) list.append(' · ');
      list.append(b);
    });
    section.append(list);
  }
  return section;
}
