// Small SVG charts drawn from the extension's own bundle (no network, nothing outside the CSP). Colours
// come from CSS classes that use the theme's chart colours; every chart carries a text alternative and a
// table of its figures behind a disclosure.
import { el, t } from './dom';

const SVG = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface Series {
  readonly label: string;
  /** CSS class giving the fill (see dashboard.css). */
  readonly cls: string;
  readonly values: readonly number[];
}

function table(caption: string, head: readonly string[], rows: readonly (readonly (string | number)[])[]): HTMLElement {
  const tbl = el('table', {}, el('caption', {}, caption));
  const thead = el('tr', {});
  for (const h of head) thead.append(el('th', { scope: 'col' }, h));
  tbl.append(el('thead', {}, thead));
  const body = el('tbody', {});
  for (const r of rows) {
    const tr = el('tr', {});
    r.forEach((cell, i) => tr.append(i === 0 ? el('th', { scope: 'row' }, String(cell)) : el('td', {}, String(cell))));
    body.append(tr);
  }
  tbl.append(body);
  return el('details', { class: 'chart-table' }, el('summary', {}, t('showTable')), tbl);
}

/**
 * Stacked columns, one per label (days). `describe` is the chart's text alternative: a sentence with the
 * figures that matter, read by screen readers instead of the picture.
 */
export function columnChart(o: {
  id: string;
  caption: string;
  describe: string;
  labels: readonly string[];
  tickEvery: number;
  /** Count ticks from the last column (history ending today) rather than the first (days ahead). */
  ticksFromEnd?: boolean;
  series: readonly Series[];
  tickLabel: (i: number) => string;
  /** A fixed top for the scale (scores out of 1000), else rounded up from the data. */
  yMax?: number;
  /** A dashed reference line, e.g. the pass mark. */
  reference?: { value: number; label: string };
}): HTMLElement {
  const w = 640;
  const h = 170;
  const left = 30;
  const bottom = 22;
  const top = 10;
  const n = o.labels.length;
  const totals = o.labels.map((_, i) => o.series.reduce((a, s) => a + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  // A round top for the axis: 1, 2, 5, 10, 20, 50…
  const step = [1, 2, 5].flatMap((m) => [1, 10, 100, 1000].map((p) => m * p)).sort((a, b) => a - b).find((s) => max / s <= 4) ?? 1000;
  const yMax = o.yMax ?? Math.ceil(max / step) * step;
  const gridStep = o.yMax ? o.yMax / 4 : step;
  const plotH = h - top - bottom;
  const slot = (w - left) / n;
  const chart = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'chart', role: 'img', 'aria-labelledby': `${o.id}-desc` });
  chart.append(svg('desc', { id: `${o.id}-desc` }, o.describe));
  for (let v = 0; v <= yMax; v += gridStep) {
    const y = top + plotH - (plotH * v) / yMax;
    chart.append(svg('line', { x1: left, x2: w, y1: y, y2: y, class: 'gridline' }), svg('text', { x: left - 4, y: y + 4, 'text-anchor': 'end', class: 'axis' }, String(v)));
  }
  for (let i = 0; i < n; i++) {
    let y = top + plotH;
    if (totals[i] === 0 && o.yMax) {
      // A zero score is still an attempt: a sliver on the axis keeps it visible.
      chart.append(svg('rect', { x: left + i * slot + slot * 0.15, y: y - 2, width: slot * 0.7, height: 2, class: o.series[o.series.length - 1].cls }));
    }
    for (const s of o.series) {
      const v = s.values[i] ?? 0;
      if (v <= 0) continue;
      const bh = (plotH * v) / yMax;
      y -= bh;
      const r = svg('rect', { x: left + i * slot + slot * 0.15, y, width: slot * 0.7, height: bh, class: s.cls });
      r.append(svg('title', {}, `${o.labels[i]}: ${v} ${s.label}`));
      chart.append(r);
    }
    const fromTick = o.ticksFromEnd ? n - 1 - i : i;
    // Edge labels are anchored inwards so they are not cut off.
    const anchor = i === n - 1 && n > 1 ? 'end' : i === 0 && n > 1 ? 'start' : 'middle';
    const x = anchor === 'end' ? w : anchor === 'start' ? left + i * slot : left + i * slot + slot / 2;
    if (fromTick % o.tickEvery === 0) chart.append(svg('text', { x, y: h - 6, 'text-anchor': anchor, class: 'axis' }, o.tickLabel(i)));
  }
  if (o.reference) {
    const y = top + plotH - (plotH * o.reference.value) / yMax;
    chart.append(svg('line', { x1: left, x2: w, y1: y, y2: y, class: 'pass-line' }), svg('text', { x: w - 2, y: y - 4, 'text-anchor': 'end', class: 'axis' }, o.reference.label));
  }
  const legendItems = o.series.map((s) => el('span', { class: 'legend-item' }, el('span', { class: `swatch ${s.cls}` }), ` ${s.label}`));
  const rows = o.labels.map((label, i) => [label, ...o.series.map((s) => s.values[i] ?? 0)]);
  return el('figure', { class: 'figure', id: o.id }, el('figcaption', {}, o.caption), chart, el('p', { class: 'legend', 'aria-hidden': 'true' }, ...legendItems), table(o.caption, [t('day'), ...o.series.map((s) => s.label)], rows));
}

export interface StackRow {
  readonly label: string;
  /** Read by screen readers for this row. */
  readonly describe: string;
  readonly values: readonly number[];
  /** The figure shown after the bar; "first/total" when absent. */
  readonly figure?: string;
}

/** Horizontal stacked bars, one row per item (domains, topics), each segment a share of the row's total. */
export function stackedRows(o: { id: string; caption: string; series: readonly Omit<Series, 'values'>[]; rows: readonly StackRow[]; legend?: boolean; action?: (row: StackRow, i: number) => HTMLElement | undefined }): HTMLElement {
  const list = el('div', { class: 'stack-rows', role: 'list' });
  o.rows.forEach((row, i) => {
    const total = row.values.reduce((a, b) => a + b, 0);
    const bar = el('div', { class: 'stack', 'aria-hidden': 'true' });
    row.values.forEach((v, j) => {
      if (v <= 0 || total === 0) return;
      const seg = el('div', { class: `seg ${o.series[j].cls}`, title: `${v} ${o.series[j].label}` });
      seg.style.width = `${(100 * v) / total}%`;
      bar.append(seg);
    });
    const item = el('div', { class: 'stack-row', role: 'listitem', 'aria-label': row.describe }, el('span', { class: 'stack-label', 'aria-hidden': 'true' }, row.label), bar, el('span', { class: 'stack-figure', 'aria-hidden': 'true' }, row.figure ?? `${row.values[0]}/${total}`));
    const action = o.action?.(row, i);
    if (action) item.append(action);
    list.append(item);
  });
  const legendItems = o.series.map((s) => el('span', { class: 'legend-item' }, el('span', { class: `swatch ${s.cls}` }), ` ${s.label}`));
  const legend = o.legend === false ? [] : [el('p', { class: 'legend', 'aria-hidden': 'true' }, ...legendItems)];
  return el('figure', { class: 'figure', id: o.id }, el('figcaption', {}, o.caption), list, ...legend);
}

/** A 0–max scale with a marker for the estimate and a line for the pass mark. */
export function scale(o: { value: number; max: number; pass: number; good: boolean; describe: string; passLabel: string }): SVGSVGElement {
  const w = 600;
  const x = (v: number) => 10 + ((w - 20) * Math.min(Math.max(v, 0), o.max)) / o.max;
  const s = svg('svg', { viewBox: `0 0 ${w} 58`, class: 'scale', role: 'img', 'aria-label': o.describe });
  s.append(svg('rect', { x: 10, y: 20, width: w - 20, height: 14, rx: 3, class: 'track' }));
  s.append(svg('rect', { x: 10, y: 20, width: Math.max(0, x(o.value) - 10), height: 14, rx: 3, class: o.good ? 'fill-pass' : 'fill-fail' }));
  s.append(svg('line', { x1: x(o.pass), x2: x(o.pass), y1: 12, y2: 42, class: 'pass-line' }));
  s.append(svg('text', { x: x(o.pass), y: 55, 'text-anchor': 'middle', class: 'axis' }, o.passLabel));
  s.append(svg('text', { x: 10, y: 12, class: 'axis' }, '0'), svg('text', { x: w - 10, y: 12, 'text-anchor': 'end', class: 'axis' }, String(o.max)));
  return s;
}
