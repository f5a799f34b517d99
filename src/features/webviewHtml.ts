import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** A nonce from the OS's CSPRNG (never Math.random): the only scripts allowed to run carry it. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Only the built webview bundle may be loaded by a webview, plus `extraRoots` (the card panel's workspace images). */
export function webviewOptions(extensionUri: vscode.Uri, extraRoots: readonly vscode.Uri[] = []): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), ...extraRoots],
  };
}

/**
 * Locked-down HTML shell: CSP default-src 'none', one nonce'd script, styles and fonts only from the
 * bundle. Initial data goes in escaped data-* attributes, never into script text.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, opts: { script: string; styles: string[]; title: string; data: Record<string, string> }): string {
  const nonce = makeNonce();
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const data = Object.entries(opts.data)
    .map(([k, v]) => ` data-${k}="${escapeAttr(v)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${opts.styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`).join('\n')}
<title>${escapeAttr(opts.title)}</title>
</head>
<body${data}>
<main id="app" aria-live="polite"></main>
<script nonce="${nonce}" src="${asset(opts.script)}"></script>
</body>
</html>`;
}

/** Dresses a Study Deck panel: locked-down options, the icon, and the HTML shell for one webview bundle. */
export function setUpPanel(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, opts: { script: string; styles: string[]; title: string; strings: Record<string, string>; extraRoots?: readonly vscode.Uri[] }): void {
  panel.webview.options = webviewOptions(extensionUri, opts.extraRoots);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'study-deck.svg');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, { script: opts.script, styles: ['codicons/codicon.css', 'quiz.css', ...opts.styles], title: opts.title, data: { strings: JSON.stringify(opts.strings) } });
}
