import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import { resolveTopic } from '../topicPicker';
import type { ProgressService } from './progressService';

export function registerProgressCommands(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('studyDeck.resetProgress', async (arg?: unknown) => {
      await progress.ready();
      let keys: string[] | 'all' = 'all';
      let what = vscode.l10n.t('all your Study Deck progress');
      if (arg !== undefined) {
        const topic = await resolveTopic(content, arg, vscode.l10n.t('Reset the progress of which topic?'));
        if (!topic) return;
        keys = topic.questions.map((q) => q.key);
        what = vscode.l10n.t('your progress in "{0}"', topic.title);
      } else {
        const scope = await vscode.window.showQuickPick(
          [
            { label: vscode.l10n.t('One topic…'), all: false },
            { label: vscode.l10n.t('Everything'), all: true },
          ],
          { title: vscode.l10n.t('Reset Study Deck progress') },
        );
        if (!scope) return;
        if (!scope.all) {
          const topic = await resolveTopic(content, undefined, vscode.l10n.t('Reset the progress of which topic?'));
          if (!topic) return;
          keys = topic.questions.map((q) => q.key);
          what = vscode.l10n.t('your progress in "{0}"', topic.title);
        }
      }
      const reset = vscode.l10n.t('Reset');
      const ok = await vscode.window.showWarningMessage(
        vscode.l10n.t('Reset {0}?', what),
        { modal: true, detail: vscode.l10n.t('The questions start over as new. Your past answers stay in the log and in exports, but no longer count.') },
        reset,
      );
      if (ok !== reset) return;
      await progress.reset(keys);
    }),
    vscode.commands.registerCommand('studyDeck.exportProgress', async () => {
      const target = await vscode.window.showSaveDialog({ title: vscode.l10n.t('Export Study Deck progress'), filters: { JSON: ['json'] }, defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? progress.dir, 'study-deck-progress.json') });
      if (!target) return;
      const text = await progress.exportText();
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: exported {0} answers to {1}.', progress.answerCount, target.fsPath));
    }),
    vscode.commands.registerCommand('studyDeck.importProgress', async (arg?: unknown) => {
      const source = arg instanceof vscode.Uri ? arg : (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Study Deck progress'), filters: { JSON: ['json'] }, canSelectMany: false }))?.[0];
      if (!source) return;
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(source));
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Study Deck could not read {0}: {1}', source.fsPath, (e as Error).message));
        return;
      }
      try {
        const { added, skipped } = await progress.importText(text);
        void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: imported {0} new records from {1}; {2} were already here.', added, source.fsPath, skipped));
      } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Study Deck did not import {0}: {1} Nothing was changed.', source.fsPath, (e as Error).message));
      }
    }),
  );
}
