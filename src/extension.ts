import * as path from 'node:path';
import * as vscode from 'vscode';
import { ContentService } from './features/content/contentService';
import { registerDiagnostics } from './features/diagnostics/register';
import { registerGlossary } from './features/glossary/register';
import { registerHover } from './features/hover/register';
import { registerNotes } from './features/notes/register';
import { registerPaletteQuizzes } from './features/palette/register';
import { ProgressService } from './features/progress/progressService';
import { registerProgressCommands } from './features/progress/register';
import { registerQuiz } from './features/quiz/register';
import { registerStatusBar } from './features/statusBar/register';
import { registerTopics } from './features/topics/register';
import { registerAuthoring } from './features/authoring/register';
import { registerDashboard } from './features/dashboard/register';
import { registerExam } from './features/exam/register';
import { registerCards } from './features/cards/register';

/** What activate() returns: used by the integration tests and the benchmarks. */
export type StudyDeckApi = ReturnType<typeof activate>;

/** Composition root: builds the shared services and hands them to each feature. Parses nothing. */
export function activate(context: vscode.ExtensionContext) {
  const started = performance.now();
  const content = new ContentService(path.join(context.extensionPath, 'content'), path.join(context.extensionPath, 'dist', 'packs'));
  const progress = new ProgressService(vscode.Uri.joinPath(context.globalStorageUri, 'progress'), content);
  context.subscriptions.push(content, progress);
  const cards = registerCards(context, progress);
  const topics = registerTopics(context, content, progress, cards.service);
  const hover = registerHover(context, content, progress);
  registerNotes(context, content);
  const quiz = registerQuiz(context, content, progress);
  registerGlossary(context, content);
  registerPaletteQuizzes(context, content, progress, quiz, cards.service);
  const exam = registerExam(context, content, progress, quiz);
  const dashboard = registerDashboard(context, content, progress, quiz, exam.panels, cards.service);
  registerProgressCommands(context, content, progress);
  const statusBar = registerStatusBar(context, progress, cards.service);
  registerDiagnostics(context, content);
  registerAuthoring(context, content);
  // The status bar's due count needs content and progress: load them soon, but not inside activate().
  const warmUp = setTimeout(() => void progress.ready(), 1500);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  releaseExam = () => exam.service.release();
  const activationMs = performance.now() - started;
  const loadsDuringActivation = content.loadsStarted;
  return { activationMs, loadsDuringActivation, content, topics, hover, quiz, progress, statusBar, exam, dashboard, cards };
}

/** Set by activate: hands the exam in progress back before the window goes, so a reload resumes it at once. */
let releaseExam: (() => Promise<void>) | undefined;

/** Everything else is in context.subscriptions; the exam's release is awaited so it is saved before exit. */
export async function deactivate(): Promise<void> {
  await releaseExam?.();
}
