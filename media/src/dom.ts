// Helpers shared by the webviews. Pack text enters the DOM only as textContent or as Markdown rendered
// with raw HTML off; only web links become links.
import MarkdownIt from 'markdown-it';
import type { FeedbackView } from '../../src/webview/protocol';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Pack text is untrusted: only web links become links; command:, javascript:, file: and the rest stay text.
md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

const strings: Record<string, string> = JSON.parse(document.body.dataset.strings ?? '{}');

/** A localized string from the extension, with {0}-style arguments filled in. */
export function t(key: string, ...args: (string | number)[]): string {
  return (strings[key] ?? key).replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c);
  return e;
}

/** Markdown from a pack, rendered with raw HTML disabled (markdown-it escapes it). */
export function markdown(text: string, cls: string): HTMLElement {
  const div = el('div', { class: `md ${cls}` });
  div.innerHTML = md.render(text);
  return div;
}

export function inlineMarkdown(text: string): HTMLElement {
  const span = el('span', { class: 'md-inline' });
  span.innerHTML = md.renderInline(text);
  return span;
}

/** Marks an answered option right or wrong, with its reason, as the quiz and the exam review both show it. */
export function appendFeedback(row: HTMLElement, f: FeedbackView, i: number): void {
  const right = f.options[i].correct;
  const chosen = f.chosen.includes(i);
  row.classList.add(right ? 'is-right' : 'is-wrong');
  if (chosen) row.classList.add('is-chosen');
  const verdict = el('span', { class: `verdict codicon ${right ? 'codicon-pass' : 'codicon-error'}`, role: 'img', 'aria-label': right ? t('rightOption') : t('wrongOption') });
  const tag = el('span', { class: 'verdict-text' }, right ? t('rightOption') : t('wrongOption'), chosen ? ` (${t('yourChoice')})` : '');
  row.append(el('div', { class: 'feedback-row' }, verdict, tag), markdown(f.options[i].why || '—', 'why'));
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

/** Minutes and seconds, e.g. 89:05, for the exam clock. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
