import { constants, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { OFFLINE_SUFFIX, type ProgressService } from './progressService';

/** Logs written while the learner's folder was unreachable (see ProgressService.switchTo). */
const OFFLINE_LOG = new RegExp(`^answers-[A-Za-z0-9_-]+${OFFLINE_SUFFIX}\\.jsonl$`);

/** The folder the learner chose for the logs (`~` expanded), or undefined for the default place. */
export function configuredFolder(): string | undefined {
  const raw = vscode.workspace.getConfiguration('studyDeck').get<string>('progress.folder', '').trim();
  if (!raw) return undefined;
  const expanded = raw === '~' ? os.homedir() : raw.startsWith('~/') ? path.join(os.homedir(), raw.slice(2)) : raw;
  return path.resolve(expanded);
}

/** Undefined when `dir` is a folder Study Deck can write to; otherwise why not, in a word (ENOENT, EACCES…). */
export async function unreachable(dir: string): Promise<string | undefined> {
  try {
    const s = await fs.stat(dir);
    if (!s.isDirectory()) return 'not a folder';
    await fs.access(dir, constants.W_OK);
    return undefined;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}

async function logNames(dir: string): Promise<string[]> {
  return (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => /^answers-.+\.jsonl$/.test(n));
}

/**
 * Copies every log of `from` into `to`, leaving `from` as it is: a log already there with the same bytes is
 * skipped, one with other bytes is copied beside it under a new name (records count once when read).
 */
export async function copyLogs(from: string, to: string): Promise<number> {
  await fs.mkdir(to, { recursive: true });
  let copied = 0;
  for (const name of await logNames(from)) {
    const bytes = await fs.readFile(path.join(from, name));
    let target = path.join(to, name);
    const existing = await fs.readFile(target).catch(() => undefined);
    if (existing?.equals(bytes)) continue;
    if (existing) target = path.join(to, name.replace(/\.jsonl$/, `-copy-${Date.now()}.jsonl`));
    const tmp = `${target}.copy.tmp`;
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
    copied++;
  }
  return copied;
}

/**
 * Moves the logs written while `folder` was unreachable from `defaultDir` into it, each under a name of its
 * own; a log is removed from `defaultDir` only once its copy reads back whole. Logs another open window may
 * still be writing (changed within `quietMs`) are left to that window. Returns the answers' log count moved.
 */
export async function mergeOfflineLogs(defaultDir: string, folder: string, quietMs = 0, onlyWriter?: string): Promise<number> {
  let moved = 0;
  const names = (await fs.readdir(defaultDir).catch(() => [] as string[])).filter((n) => OFFLINE_LOG.test(n));
  for (const name of names) {
    if (onlyWriter && name !== `answers-${onlyWriter}${OFFLINE_SUFFIX}.jsonl`) continue;
    const from = path.join(defaultDir, name);
    const stat = await fs.stat(from).catch(() => undefined);
    if (!stat || Date.now() - stat.mtimeMs < quietMs) continue;
    const bytes = await fs.readFile(from);
    if (bytes.length > 0) {
      // A new name each time: a window that keeps writing after a merge starts a new log, never a conflict.
      const target = path.join(folder, name.replace(/\.jsonl$/, `-${Date.now()}.jsonl`));
      await fs.writeFile(`${target}.tmp`, bytes);
      await fs.rename(`${target}.tmp`, target);
      if (!(await fs.readFile(target)).equals(bytes)) continue;
    }
    await fs.rm(from, { force: true });
    if (bytes.length > 0) moved++;
  }
  return moved;
}

/**
 * Keeps the logs where the learner wants them: the folder of `studyDeck.progress.folder` (one a cloud drive
 * or a git repository syncs between machines) or the default place. Moving between them offers to copy the
 * history; nothing is moved or deleted without asking. An unreachable folder (an offline drive) sends the
 * answers to the default place until it is back, then merges them into it.
 */
export class ProgressLocation implements vscode.Disposable {
  /** How often an unreachable folder is looked for again, ms (tests shorten it). */
  retryMs = 30_000;
  private retry: ReturnType<typeof setInterval> | undefined;
  /** The folder we could not reach and fell back from. */
  private waitingFor: string | undefined;
  /** The learner chose the folder while it was unreachable: the offer to copy the history waits for it. */
  private offerPending = false;
  private readonly disposables: vscode.Disposable[] = [];

  private readonly folder: () => string | undefined;
  private readonly ask: (message: string, ...choices: string[]) => Thenable<string | undefined>;

  /**
   * @param options.folder the chosen folder (default: the setting, which is then watched)
   * @param options.ask how to ask the learner to copy the history (default: a modal message)
   */
  constructor(
    private readonly progress: ProgressService,
    private readonly defaultDir: vscode.Uri,
    options: { folder?: () => string | undefined; ask?: (message: string, ...choices: string[]) => Thenable<string | undefined> } = {},
  ) {
    this.folder = options.folder ?? configuredFolder;
    this.ask = options.ask ?? ((message, ...choices) => vscode.window.showInformationMessage(message, { modal: true }, ...choices));
    if (!options.folder) {
      this.disposables.push(vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('studyDeck.progress.folder') && void this.folderChanged()));
    }
    progress.locate = () => this.resolve();
    progress.isChosenFolder = (dir) => {
      const folder = this.folder();
      return folder !== undefined && path.resolve(dir.fsPath) === path.resolve(folder);
    };
    progress.onWriteFailed = (e) => this.writeFailed(e);
  }

  /** A write to the chosen folder failed: if it is gone, fall back to the default place and write there. */
  private async writeFailed(e: Error): Promise<boolean> {
    const folder = this.folder();
    if (!folder || path.resolve(this.progress.dir.fsPath) !== path.resolve(folder)) return false;
    const why = await unreachable(folder);
    if (!why) return false;
    this.fallBack(folder, why ?? e.message);
    await this.progress.switchTo(this.defaultDir, true);
    return true;
  }

  /**
   * Where the logs should be read from now; says so once when the chosen folder cannot be reached. Answers
   * a window saved while it was away, and then closed, are merged into it here.
   */
  async resolve(): Promise<{ dir: vscode.Uri; offline: boolean }> {
    const folder = this.folder();
    if (!folder) return { dir: this.defaultDir, offline: false };
    const why = await unreachable(folder);
    if (why) {
      this.fallBack(folder, why);
      return { dir: this.defaultDir, offline: true };
    }
    // Two retry periods without a change: no open window is still writing that log.
    await mergeOfflineLogs(this.defaultDir.fsPath, folder, 2 * this.retryMs).catch(() => 0);
    return { dir: vscode.Uri.file(folder), offline: false };
  }

  private fallBack(folder: string, why: string): void {
    if (this.waitingFor === folder) return;
    this.waitingFor = folder;
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Study Deck cannot reach your progress folder {0} ({1}). Answers are saved in the default place until it is back, then merged into it.', folder, why),
    );
    this.stopRetry();
    this.retry = setInterval(() => void this.tryReturn(), this.retryMs);
  }

  private stopRetry(): void {
    if (this.retry) clearInterval(this.retry);
    this.retry = undefined;
  }

  /** The folder is back: this window's answers written meanwhile go into it, then the logs are read from it. */
  private async tryReturn(): Promise<void> {
    const folder = this.waitingFor;
    if (!folder || this.folder() !== folder || (await unreachable(folder))) return;
    this.stopRetry();
    this.waitingFor = undefined;
    await this.progress.flush();
    if (this.offerPending) {
      // Chosen while away: now make the offer the setting change could not make.
      this.offerPending = false;
      await this.folderChanged();
      return;
    }
    const moved = await mergeOfflineLogs(this.defaultDir.fsPath, folder, 0, this.progress.writerId);
    await this.progress.moveTo(vscode.Uri.file(folder));
    void vscode.window.showInformationMessage(
      moved > 0
        ? vscode.l10n.t('Study Deck: your progress folder {0} is back; the answers saved meanwhile are merged into it.', folder)
        : vscode.l10n.t('Study Deck: your progress folder {0} is back.', folder),
    );
  }

  /** The setting changed: offer to copy the history, then read and write in the new place. */
  async folderChanged(): Promise<void> {
    const from = this.progress.dir.fsPath;
    const folder = this.folder();
    const to = folder ?? this.defaultDir.fsPath;
    if (path.resolve(from) === path.resolve(to) && !this.progress.isOffline) return;
    this.stopRetry();
    this.waitingFor = undefined;
    this.offerPending = false;
    if (folder) {
      const why = await unreachable(folder);
      if (why === 'ENOENT') await fs.mkdir(folder, { recursive: true }).catch(() => undefined);
      const still = await unreachable(folder);
      if (still) {
        this.fallBack(folder, still);
        this.offerPending = true;
        await this.progress.moveTo(this.defaultDir, true);
        return;
      }
    }
    await this.progress.flush();
    const have = path.resolve(from) === path.resolve(to) ? 0 : (await logNames(from)).length;
    if (have > 0) {
      const copy = vscode.l10n.t('Copy my history there');
      const leave = vscode.l10n.t('Leave it where it is');
      const answer = await this.ask(
        vscode.l10n.t('Study Deck will keep your progress in {0} from now on. Copy your history ({1} logs) there from {2}? Nothing is deleted either way.', to, have, from),
        copy,
        leave,
      );
      if (answer === copy) {
        const n = await copyLogs(from, to);
        void vscode.window.showInformationMessage(vscode.l10n.t('Study Deck: {0} logs copied to {1}.', n, to));
      }
    }
    await this.progress.moveTo(vscode.Uri.file(to));
  }

  dispose(): void {
    this.stopRetry();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
