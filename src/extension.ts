import * as path from 'node:path';
import * as vscode from 'vscode';
import { ContentService } from './features/content/contentService';
import { registerDiagnostics } from './features/diagnostics/register';
import { registerGlossary } from './features/glossary/register';
import { registerGlossaryView } from './features/glossary/glossaryView';
import { registerDrills } from './features/glossary/drills';
import { previewExtender } from './features/preview/register';
import { registerWelcome } from './features/welcome/register';
import { registerHover } from './features/hover/register';
import { registerNotes } from './features/notes/register';
import { registerPaletteQuizzes } from './features/palette/register';
import { ProgressService } from './features/progress/progressService';
import { registerProgressCommands } from './features/progress/register';
import { ProgressLocation } from './features/progress/location';
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
  // CPU time beside wall time: on a busy machine the thread can be switched out in the middle of activate().
  const cpuAtStart = process.cpuUsage();
  // Each step's own time, for the bench: activation must stay within a few milliseconds.
  const phases: [string, number][] = [];
  let mark = started;
  const phase = (name: string) => {
    const now = performance.now();
    phases.push([name, now - mark]);
    mark = now;
  };
  const content = new ContentService(path.join(context.extensionPath, 'content'), path.join(context.extensionPath, 'dist', 'packs'));
  const defaultProgressDir = vscode.Uri.joinPath(context.globalStorageUri, 'progress');
  const progress = new ProgressService(defaultProgressDir, content);
  // The learner may keep the logs in a folder of their own (synced between machines).
  const location = new ProgressLocation(progress, defaultProgressDir);
  context.subscriptions.push(content, progress, location);
  const cards = registerCards(context, progress, content);
  phase('services and flashcards');
  const topics = registerTopics(context, content, progress, cards.service);
  phase('topics tree');
  const hover = registerHover(context, content, progress, () => cards.service.noteTermIndex());
  registerNotes(context, content);
  const quiz = registerQuiz(context, content, progress);
  registerGlossary(context, content);
  const glossary = registerGlossaryView(context, content, progress);
  phase('hover, notes, quiz, glossary view');
  registerDrills(context, content, progress, quiz);
  registerPaletteQuizzes(context, content, progress, quiz, cards.service);
  const exam = registerExam(context, content, progress, quiz);
  const dashboard = registerDashboard(context, content, progress, quiz, exam.panels, cards.service);
  phase('drills, palette, exam, dashboard');
  registerProgressCommands(context, content, progress);
  const statusBar = registerStatusBar(context, progress, cards.service);
  phase('status bar');
  registerDiagnostics(context, content);
  registerAuthoring(context, content);
  registerWelcome(context);
  phase('diagnostics, authoring, welcome');
  // The status bar's due count needs content and progress: load them soon, but not inside activate().
  const warmUp = setTimeout(() => void progress.ready(), 1500);
  context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
  releaseExam = () => exam.service.release();
  // VS Code's Markdown preview calls this to add our markdown-it plugin (contributes.markdown.markdownItPlugins).
  const extendMarkdownIt = previewExtender(content);
  const activationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuAtStart);
  const activationCpuMs = (cpu.user + cpu.system) / 1000;
  const loadsDuringActivation = content.loadsStarted;
  return { activationMs, activationCpuMs, activationPhases: phases, loadsDuringActivation, content, topics, hover, quiz, progress, location, statusBar, exam, dashboard, cards, glossary, extendMarkdownIt };
}

/** Set by activate: hands the exam in progress back before the window goes, so a reload resumes it at once. */
let releaseExam: (() => Promise<void>) | undefined;

/** Everything else is in context.subscriptions; the exam's release is awaited so it is saved before exit. */
export async function deactivate(): Promise<void> {
  await releaseExam?.();
}
