// Helpers shared by the webviews: strings from the extension and DOM building (text only; Markdown is in
// markdown.ts, so a webview that shows no Markdown does not carry the parser).

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

/** Minutes and seconds, e.g. 89:05, for the exam clock. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
