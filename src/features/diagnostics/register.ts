import * as vscode from 'vscode';
import type { Problem } from '../../core/content/model';
import { WORKSPACE_PACKS_DIR, type Content, type ContentService } from '../content/contentService';

const severities: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toDiagnostic(p: Problem): vscode.Diagnostic {
  const range = new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character);
  const d = new vscode.Diagnostic(range, p.message, severities[p.severity]);
  d.source = 'Study Deck';
  d.code = p.code;
  return d;
}

/** Pack problems in the Problems panel; replaced wholesale on each load, so fixed or deleted files clear. */
export function registerDiagnostics(context: vscode.ExtensionContext, content: ContentService): void {
  const collection = vscode.languages.createDiagnosticCollection('studyDeck');
  context.subscriptions.push(collection);
  const publish = (c: Content) => {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of c.problems) {
      const list = byFile.get(p.file) ?? [];
      list.push(toDiagnostic(p));
      byFile.set(p.file, list);
    }
    collection.clear();
    collection.set([...byFile].map(([file, diags]) => [vscode.Uri.file(file), diags]));
  };
  context.subscriptions.push(content.onDidChange(publish));
  const loaded = content.peek();
  if (loaded) publish(loaded);

  // Content (and so these problems) loads soon after start-up (extension.ts warms it up), and at once
  // when a pack file is opened.
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.uri.scheme === 'file' && doc.uri.path.includes(`/${WORKSPACE_PACKS_DIR}/`)) void content.get();
    }),
  );
}
