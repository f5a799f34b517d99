import * as vscode from 'vscode';
import type { ContentService } from '../content/contentService';
import type { AnswerSink } from '../progress/answerSink';
import { resolveTopic } from '../topicPicker';
import { QUIZ_VIEW_TYPE, QuizPanels } from './quizPanel';

export function registerQuiz(context: vscode.ExtensionContext, content: ContentService, answers: AnswerSink): QuizPanels {
  const panels = new QuizPanels(context.extensionUri, content, answers);
  context.subscriptions.push(
    panels,
    vscode.window.registerWebviewPanelSerializer(QUIZ_VIEW_TYPE, panels),
    vscode.commands.registerCommand('studyDeck.openQuiz', async (arg?: unknown) => {
      const topic = await resolveTopic(content, arg, vscode.l10n.t('Quiz yourself on which topic?'));
      if (!topic) {
        if (typeof arg === 'string') void vscode.window.showWarningMessage(vscode.l10n.t('Study Deck: topic "{0}" is not in any loaded pack.', arg));
        return;
      }
      panels.openTopic(topic);
    }),
  );
  return panels;
}
