import * as path from 'node:path';
import type * as vscode from 'vscode';
import { ContentService } from './features/content/contentService';
import { registerDiagnostics } from './features/diagnostics/register';
import { registerGlossary } from './features/glossary/register';
import { registerHover } from './features/hover/register';
import { registerNotes } from './features/notes/register';
import { InMemoryAnswerLog } from './features/progress/answerLog';
import { registerQuiz } from './features/quiz/register';
import { registerTopics } from './features/topics/register';
import { registerAuthoring } from './features/authoring/register';

/** What activate() returns: used by the integration tests and the benchmarks. */
export type StudyDeckApi = ReturnType<typeof activate>;

/** Composition root: builds the shared services and hands them to each feature. Parses nothing. */
export function activate(context: vscode.ExtensionContext) {
  const started = performance.now();
  const content = new ContentService(path.join(context.extensionPath, 'content'), path.join(context.extensionPath, 'dist', 'packs'));
  const answers = new InMemoryAnswerLog();
  context.subscriptions.push(content, answers);
  const topics = registerTopics(context, content);
  const hover = registerHover(context, content);
  registerNotes(context, content);
  const quiz = registerQuiz(context, content, answers);
  registerGlossary(context, content, quiz);
  registerDiagnostics(context, content);
  registerAuthoring(context, content);
  const activationMs = performance.now() - started;
  return { activationMs, content, topics, hover, quiz, answers };
}

export function deactivate(): void {
  /* everything is in context.subscriptions */
}
