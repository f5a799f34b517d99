import * as vscode from 'vscode';

/** A due time as people say it: "in 5 minutes", "in 3 hours", "in 4 days (12/2/2026)". */
export function formatWhen(ms: number, now = Date.now()): string {
  const minutes = Math.round((ms - now) / 60_000);
  if (minutes < 60) return vscode.l10n.t('in {0} minutes', Math.max(1, minutes));
  const hours = Math.round(minutes / 60);
  if (hours < 36) return vscode.l10n.t('in {0} hours', hours);
  return vscode.l10n.t('in {0} days ({1})', Math.round(hours / 24), new Date(ms).toLocaleDateString(vscode.env.language));
}
