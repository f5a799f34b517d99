// Pack Markdown for the webviews: rendered by markdown-it with raw HTML off, so pack text cannot make
// elements; only web links become links.
import MarkdownIt from 'markdown-it';
import type { FeedbackView } from '../../src/webview/protocol';
import { el, t } from './dom';

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
// Pack text is untrusted: only web links become links; command:, javascript:, file: and the rest stay text.
md.validateLink = (url: string) => /^(https?:|mailto:)/i.test(url.trim());

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
