import * as vscode from 'vscode';
import type { CardService } from '../cards/cardService';
import type { ContentService } from '../content/contentService';
import type { ExamPanels } from '../exam/examPanel';
import type { ProgressService } from '../progress/progressService';
import type { QuizPanels } from '../quiz/quizPanel';
import { DASHBOARD_VIEW_TYPE, DashboardPanels } from './dashboardPanel';

export function registerDashboard(context: vscode.ExtensionContext, content: ContentService, progress: ProgressService, quiz: QuizPanels, exams: ExamPanels, cards?: CardService): DashboardPanels {
  const panels = new DashboardPanels(context.extensionUri, content, progress, quiz, exams, cards);
  context.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, panels),
    vscode.commands.registerCommand('studyDeck.showProgress', () => {
      panels.show();
    }),
  );
  return panels;
}
