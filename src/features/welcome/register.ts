import * as vscode from 'vscode';

const WELCOMED_KEY = 'studyDeck.welcomed';

/**
 * On the very first start in a profile, show the Study Deck view and its walkthrough, so a newcomer's first
 * screen says where to begin instead of showing an empty editor. Once per profile; a setting turns it off.
 */
export function registerWelcome(context: vscode.ExtensionContext): void {
  if (context.globalState.get<boolean>(WELCOMED_KEY)) return;
  if (!vscode.workspace.getConfiguration('studyDeck').get<boolean>('welcome.openOnFirstRun', true)) return;
  // After activation, not during it: these commands wait on the workbench.
  const timer = setTimeout(() => {
    void context.globalState.update(WELCOMED_KEY, true);
    void vscode.commands.executeCommand('workbench.view.extension.studyDeck').then(() =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#gettingStarted`, false),
    );
  }, 500);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
