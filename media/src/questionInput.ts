// How a question is answered and how its feedback is shown, for every question type, shared by the quiz and
// the exam webviews. Pack text enters the DOM only through textContent or Markdown rendered with HTML off.
import type { CaseView, FeedbackView, QuestionBodyView } from '../../src/webview/protocol';
import { el, t } from './dom';
import { appendFeedback, inlineMarkdown, markdown } from './markdown';

/** -1: a matching prompt with no response chosen yet (the same value src/core/quiz/answers.ts uses). */
export const NO_RESPONSE = -1;

export interface AnswerInput {
  readonly element: HTMLElement;
  /** The answer as the form stands; [] when nothing is chosen. */
  read(): number[];
  /** True when the answer may be submitted as it stands (every prompt matched, at least one option). */
  complete(): boolean;
  /** Digit keys 1–9 pick options; other types ignore them. */
  pickByDigit?(digit: number): boolean;
}

interface InputOptions {
  readonly labelledBy: string;
  /** An answer to show; undefined for a fresh question. */
  readonly answer?: readonly number[];
  readonly disabled?: boolean;
  /** Called after every change the learner makes. */
  readonly onChange?: (answer: number[]) => void;
  /** Where moves are announced to screen readers. */
  readonly announce: (text: string) => void;
}

/** The controls that answer a question of the given body's type. */
export function answerInput(body: QuestionBodyView, opts: InputOptions): AnswerInput {
  switch (body.type) {
    case 'single':
    case 'multiple':
      return choiceInput(body, opts);
    case 'ordering':
      return orderingInput(body, opts);
    case 'matching':
      return matchingInput(body, opts);
  }
}

/** The line under the prompt saying what to do. */
export function instruction(body: QuestionBodyView): string {
  switch (body.type) {
    case 'single':
      return t('chooseOne');
    case 'multiple':
      return t('chooseN', body.choose);
    case 'ordering':
      return t('orderHint');
    case 'matching':
      return t('matchHint');
  }
}

// ---- single and multiple ------------------------------------------------------------------------------

function choiceInput(body: Extract<QuestionBodyView, { type: 'single' | 'multiple' }>, opts: InputOptions): AnswerInput {
  const group = el('div', { class: 'options', role: body.type === 'single' ? 'radiogroup' : 'group', 'aria-labelledby': opts.labelledBy });
  const inputs: HTMLInputElement[] = [];
  body.options.forEach((o, i) => {
    const id = `opt-${i}`;
    const input = el('input', { type: body.type === 'single' ? 'radio' : 'checkbox', name: 'option', id, value: String(i) });
    input.checked = opts.answer?.includes(i) ?? false;
    input.disabled = opts.disabled ?? false;
    input.addEventListener('change', () => opts.onChange?.(read()));
    inputs.push(input);
    const label = el('label', { for: id, class: 'option-label' }, el('span', { class: 'key', 'aria-hidden': 'true' }, String(i + 1)), inlineMarkdown(o.text));
    group.append(el('div', { class: 'option' }, input, label));
  });
  const read = () => inputs.filter((i) => i.checked).map((i) => Number(i.value));
  return {
    element: group,
    read,
    complete: () => read().length > 0,
    pickByDigit(digit) {
      const input = inputs[digit - 1];
      if (!input || input.disabled) return false;
      input.checked = input.type === 'radio' ? true : !input.checked;
      input.focus();
      opts.onChange?.(read());
      return true;
    },
  };
}

// ---- ordering -----------------------------------------------------------------------------------------

/**
 * A list the learner reorders by dragging, by the buttons on each row, or from the keyboard: the list is one
 * Tab stop, Up and Down move between items, Alt+Up and Alt+Down move the item. Each move is announced.
 */
function orderingInput(body: Extract<QuestionBodyView, { type: 'ordering' }>, opts: InputOptions): AnswerInput {
  const text = new Map(body.items.map((i) => [i.index, i.text]));
  // The learner's order if they gave one, else the shuffled order the host chose.
  const order = opts.answer && opts.answer.length === body.items.length ? [...opts.answer] : body.items.map((i) => i.index);
  let touched = opts.answer !== undefined && opts.answer.length > 0;
  const hintId = `${opts.labelledBy}-order-keys`;
  const list = el('ol', { class: 'ordering', 'aria-labelledby': opts.labelledBy, 'aria-describedby': hintId });
  const wrap = el('div', { class: 'ordering-wrap' }, list, el('p', { class: 'order-keys', id: hintId }, t('orderKeys')));
  let dragging: number | undefined;

  const plain = (index: number): string => {
    const probe = document.createElement('span');
    probe.append(inlineMarkdown(text.get(index) ?? ''));
    return probe.textContent ?? '';
  };

  const move = (from: number, to: number, focus: boolean): void => {
    if (opts.disabled || to < 0 || to >= order.length || from === to) return;
    const [item] = order.splice(from, 1);
    order.splice(to, 0, item);
    touched = true;
    render(focus ? to : undefined);
    opts.announce(t('movedTo', plain(item), to + 1, order.length));
    opts.onChange?.([...order]);
  };

  const render = (focusAt?: number): void => {
    const rows = order.map((index, pos) => {
      const name = plain(index);
      const li = el('li', { class: 'order-item', 'data-item': String(index), 'aria-label': t('itemAt', name, pos + 1, order.length) });
      li.tabIndex = pos === (focusAt ?? 0) ? 0 : -1;
      const up = el('button', { type: 'button', class: 'icon-button move-up', title: t('moveUp', name), 'aria-label': t('moveUp', name) }, el('span', { class: 'codicon codicon-arrow-up', 'aria-hidden': 'true' }));
      const down = el('button', { type: 'button', class: 'icon-button move-down', title: t('moveDown', name), 'aria-label': t('moveDown', name) }, el('span', { class: 'codicon codicon-arrow-down', 'aria-hidden': 'true' }));
      // The list is one Tab stop; the buttons are for the mouse, the keys do the same from the keyboard.
      up.tabIndex = -1;
      down.tabIndex = -1;
      up.disabled = opts.disabled === true || pos === 0;
      down.disabled = opts.disabled === true || pos === order.length - 1;
      up.addEventListener('click', () => move(pos, pos - 1, true));
      down.addEventListener('click', () => move(pos, pos + 1, true));
      li.append(el('span', { class: 'codicon codicon-gripper grip', 'aria-hidden': 'true' }), el('span', { class: 'order-pos', 'aria-hidden': 'true' }, String(pos + 1)), el('span', { class: 'order-text' }, inlineMarkdown(text.get(index) ?? '')), up, down);
      if (!opts.disabled) {
        li.draggable = true;
        li.addEventListener('dragstart', (e) => {
          dragging = pos;
          li.classList.add('is-dragging');
          e.dataTransfer?.setData('text/plain', String(index));
          if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
        });
        li.addEventListener('dragend', () => {
          dragging = undefined;
          li.classList.remove('is-dragging');
          for (const r of list.querySelectorAll('.drop-before, .drop-after')) r.classList.remove('drop-before', 'drop-after');
        });
        li.addEventListener('dragover', (e) => {
          if (dragging === undefined) return;
          e.preventDefault();
          const after = e.offsetY > li.offsetHeight / 2;
          li.classList.toggle('drop-after', after);
          li.classList.toggle('drop-before', !after);
        });
        li.addEventListener('dragleave', () => li.classList.remove('drop-before', 'drop-after'));
        li.addEventListener('drop', (e) => {
          e.preventDefault();
          if (dragging === undefined) return;
          const after = e.offsetY > li.offsetHeight / 2;
          let to = pos + (after ? 1 : 0);
          if (dragging < to) to--;
          move(dragging, to, true);
        });
      }
      li.addEventListener('focus', () => {
        for (const r of list.querySelectorAll<HTMLElement>('.order-item')) r.tabIndex = r === li ? 0 : -1;
      });
      li.addEventListener('keydown', (e) => {
        if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
        e.preventDefault();
        e.stopPropagation();
        const to = pos + (e.key === 'ArrowUp' ? -1 : 1);
        if (e.altKey) move(pos, to, true);
        else list.querySelectorAll<HTMLElement>('.order-item')[to]?.focus();
      });
      return li;
    });
    list.replaceChildren(...rows);
    if (focusAt !== undefined) rows[focusAt]?.focus();
  };
  render();
  return {
    element: wrap,
    read: () => (touched ? [...order] : []),
    complete: () => true,
    // A digit selects the item in that place, ready to move with Alt+Up and Alt+Down.
    pickByDigit(digit) {
      const row = list.querySelectorAll<HTMLElement>('.order-item')[digit - 1];
      row?.focus();
      return row !== undefined;
    },
  };
}

/** The order as it stands, even if untouched: what "Answer with this order" and a practice Submit send. */
export function currentOrder(input: AnswerInput): number[] {
  const rows = input.element.querySelectorAll<HTMLElement>('.order-item');
  return [...rows].map((r) => Number(r.dataset.item));
}

// ---- matching -----------------------------------------------------------------------------------------

/**
 * One native select per prompt. Each response is used once: a response matched to another prompt shows
 * which, and is disabled here, so stepping through a select with the arrow keys never takes it away.
 */
function matchingInput(body: Extract<QuestionBodyView, { type: 'matching' }>, opts: InputOptions): AnswerInput {
  const answer = body.prompts.map((_, i) => opts.answer?.[i] ?? NO_RESPONSE);
  const plain = (md: string): string => {
    const probe = document.createElement('span');
    probe.append(inlineMarkdown(md));
    return probe.textContent ?? '';
  };
  const promptNames = body.prompts.map((p) => plain(p.text));
  // Focusable as a whole (not in the Tab order), so a question opens with the shortcut keys still working:
  // letters typed into a select would choose its entries instead.
  const group = el('div', { class: 'matching', role: 'group', 'aria-labelledby': opts.labelledBy, tabindex: '-1' });
  const selects: HTMLSelectElement[] = [];

  const fill = (): void => {
    selects.forEach((select, p) => {
      const none = el('option', { value: String(NO_RESPONSE) }, t('chooseResponse'));
      const options = body.responses.map((r) => {
        const usedBy = answer.findIndex((a, q) => a === r.index && q !== p);
        // Options are plain text: a native select shows no markup.
        const option = el('option', { value: String(r.index) }, usedBy >= 0 ? t('usedFor', plain(r.text), promptNames[usedBy]) : plain(r.text));
        option.disabled = usedBy >= 0;
        return option;
      });
      select.replaceChildren(none, ...options);
      select.value = String(answer[p]);
    });
  };

  body.prompts.forEach((prompt, p) => {
    const id = `match-${p}`;
    const select = el('select', { id, class: 'match-select', 'data-prompt': String(p) });
    select.disabled = opts.disabled ?? false;
    select.addEventListener('change', () => {
      answer[p] = Number(select.value);
      fill();
      opts.onChange?.([...answer]);
    });
    selects.push(select);
    const label = el('label', { for: id, class: 'match-prompt' }, el('span', { class: 'key', 'aria-hidden': 'true' }, String(p + 1)), inlineMarkdown(prompt.text));
    group.append(el('div', { class: 'match-row' }, label, select));
  });
  fill();
  return {
    element: group,
    read: () => (answer.every((a) => a === NO_RESPONSE) ? [] : [...answer]),
    complete: () => answer.every((a) => a !== NO_RESPONSE),
    // A digit goes to that prompt's choice; the arrow keys then pick among the free responses.
    pickByDigit(digit) {
      const select = selects[digit - 1];
      if (!select || select.disabled) return false;
      select.focus();
      return true;
    },
  };
}

// ---- case studies -------------------------------------------------------------------------------------

/** Open or closed per case, so folding the scenario away stays folded for the case's next question. */
const scenarioOpen = new Map<string, boolean>();

/** The case study's scenario above its question: collapsible, never gone. */
export function scenarioSection(c: CaseView): HTMLElement {
  const details = el('details', { class: 'scenario' });
  details.open = scenarioOpen.get(c.key) ?? true;
  details.addEventListener('toggle', () => scenarioOpen.set(c.key, details.open));
  details.append(el('summary', {}, el('span', { class: 'codicon codicon-briefcase', 'aria-hidden': 'true' }), ` ${t('caseStudy', c.title)} · ${t('casePart', c.part, c.parts)}`), markdown(c.scenario, 'scenario-body'));
  return details;
}

// ---- feedback -----------------------------------------------------------------------------------------

/**
 * The answered question: for choices, each option marked with its reason; for an ordering, the right order
 * with where the learner put each item; for matching, each prompt's right response beside the learner's.
 */
export function feedbackBody(body: QuestionBodyView, f: FeedbackView, labelledBy: string): HTMLElement {
  const d = f.detail;
  if (d.type === 'choice' && (body.type === 'single' || body.type === 'multiple')) {
    const group = el('div', { class: 'options', role: 'list', 'aria-labelledby': labelledBy });
    body.options.forEach((o, i) => {
      const row = el('div', { class: 'option', role: 'listitem' }, el('span', { class: 'key', 'aria-hidden': 'true' }, String(i + 1)), inlineMarkdown(o.text));
      appendFeedback(row, f, i);
      group.append(row);
    });
    return group;
  }
  if (d.type === 'ordering') {
    const list = el('ol', { class: 'order-feedback', 'aria-label': t('rightOrder') });
    d.items.forEach((item, i) => {
      const at = f.chosen.indexOf(i);
      const right = at === i;
      const where = right ? t('inPlace') : at >= 0 ? t('youPut', at + 1) : t('noMatch');
      const li = el('li', { class: `option ${right ? 'is-right' : 'is-wrong is-chosen'}` }, inlineMarkdown(item.text));
      li.append(el('div', { class: 'feedback-row' }, el('span', { class: `verdict codicon ${right ? 'codicon-pass' : 'codicon-error'}`, role: 'img', 'aria-label': right ? t('correct') : t('incorrect') }), el('span', { class: 'verdict-text' }, where)), markdown(item.why || '—', 'why'));
      list.append(li);
    });
    return el('section', { class: 'type-feedback' }, el('h2', {}, t('rightOrder')), el('p', { class: 'parts' }, `${t('partsOrdering', f.parts.right, f.parts.of)} ${t('allOrNothing')}`), list);
  }
  if (d.type === 'matching') {
    const responseText = (i: number): string => (i < 0 ? t('noMatch') : i < d.pairs.length ? d.pairs[i].response : (d.distractors[i - d.pairs.length]?.text ?? ''));
    const list = el('ul', { class: 'match-feedback', 'aria-label': t('rightPairs') });
    d.pairs.forEach((pair, i) => {
      const given = f.chosen[i] ?? NO_RESPONSE;
      const right = given === i;
      const li = el('li', { class: `option ${right ? 'is-right' : 'is-wrong is-chosen'}` }, inlineMarkdown(pair.prompt), el('span', { class: 'arrow', 'aria-hidden': 'true' }, ' → '), el('strong', {}, inlineMarkdown(pair.response)));
      const yours = el('span', { class: 'verdict-text' });
      yours.append(right ? t('correct') : t('yourMatch', ''), ...(right ? [] : [inlineMarkdown(responseText(given))]));
      li.append(el('div', { class: 'feedback-row' }, el('span', { class: `verdict codicon ${right ? 'codicon-pass' : 'codicon-error'}`, role: 'img', 'aria-label': right ? t('correct') : t('incorrect') }), yours), markdown(pair.why || '—', 'why'));
      list.append(li);
    });
    const parts: Node[] = [el('h2', {}, t('rightPairs')), el('p', { class: 'parts' }, `${t('partsMatching', f.parts.right, f.parts.of)} ${t('allOrNothing')}`), list];
    if (d.distractors.length > 0) {
      const extra = el('ul', { class: 'match-feedback distractors', 'aria-label': t('distractors') });
      for (const x of d.distractors) extra.append(el('li', { class: 'option' }, inlineMarkdown(x.text), markdown(x.why || '—', 'why')));
      parts.push(el('h3', {}, t('distractors')), extra);
    }
    return el('section', { class: 'type-feedback' }, ...parts);
  }
  return el('div');
}
