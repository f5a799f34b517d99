import * as vscode from 'vscode';
import { wrapLines } from '../../util/wrapLines';

/** A row that carries a line of the question (or feedback) rather than something to choose. */
export interface TextRow {
  readonly textRow?: true;
}

/** Whether this editor's QuickPick shows a wrapped message under the input (`prompt`; not in VS Code 1.96). */
export function hasPrompt(qp: vscode.QuickPick<vscode.QuickPickItem>): boolean {
  return 'prompt' in qp;
}

/**
 * Shows `text` in full with the items to choose from. Where the QuickPick has `prompt`, it is the wrapped
 * message under the input. VS Code 1.96 (and editors built on older bases) has none, and a placeholder is
 * cut to one line: there the text becomes rows above the items, one line each, that cannot be chosen.
 */
export function showText<T extends vscode.QuickPickItem & TextRow>(qp: vscode.QuickPick<T>, text: string, hint: string, items: readonly T[]): void {
  qp.placeholder = hint;
  if (hasPrompt(qp as unknown as vscode.QuickPick<vscode.QuickPickItem>)) {
    (qp as unknown as { prompt: string }).prompt = text;
    qp.items = items;
    return;
  }
  // A label turns "$(name)" into an icon: pack text must read as written.
  const rows = wrapLines(text.replace(/\$\(/g, '$\u200b(')).map((label) => ({ label, textRow: true, alwaysShow: true }) as unknown as T);
  qp.items = [...rows, { label: '', kind: vscode.QuickPickItemKind.Separator } as unknown as T, ...items];
}

/** The items that can be chosen: not a text row, not a separator. */
export function choosable<T extends vscode.QuickPickItem & TextRow>(items: readonly T[]): T[] {
  return items.filter((i) => !i.textRow && i.kind !== vscode.QuickPickItemKind.Separator);
}

/** Keeps text rows out of the selection of a many-choice pick (they have checkboxes there too). */
export function keepTextRowsUnselected<T extends vscode.QuickPickItem & TextRow>(qp: vscode.QuickPick<T>): vscode.Disposable {
  return qp.onDidChangeSelection((selected) => {
    if (selected.some((i) => i.textRow)) qp.selectedItems = selected.filter((i) => !i.textRow);
  });
}
