import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CaseStudy, Pack, Problem, Question, Term, Topic } from '../../core/content/model';
import { fromPackCache, fromShippedCache } from '../../core/content/packCache';
import { listPackFolders, packStamp, readPackFolder } from '../../core/content/packFiles';
import { drillQuestions } from '../../core/glossary/drills';
import { TermIndex } from '../../core/glossary/termIndex';
import { loadYamlTools } from '../../loadYamlTools';
import { Disposable } from '../../util/dispose';

/** Everything loaded, with the lookups features need. Immutable: a reload makes a new one. */
export interface Content {
  readonly packs: readonly Pack[];
  readonly problems: readonly Problem[];
  readonly terms: TermIndex;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly questions: ReadonlyMap<string, Question>;
  /** Questions generated from the glossaries' look-alikes ("pack/drill:term"): scheduled, never in an exam. */
  readonly drills: ReadonlyMap<string, Question>;
  /** Case studies by "pack/case", for the scenario shown with each of their questions. */
  readonly cases: ReadonlyMap<string, CaseStudy>;
  /** "pack/term" → the questions that use the term; built once so a hover does not scan questions. */
  readonly questionsByTerm: ReadonlyMap<string, readonly Question[]>;
  /** True when the window is in restricted mode and workspace packs were not read. */
  readonly workspacePacksBlocked: boolean;
  readonly loadMs: number;
}

/** A written question or a generated drill, by key: everything an answer can be recorded against. */
export function questionByKey(c: Content, key: string): Question | undefined {
  return c.questions.get(key) ?? c.drills.get(key);
}

/** Topics, terms and questions are keyed "pack/id" across packs. */
export function topicKey(topic: { packId: string; id: string }): string {
  return `${topic.packId}/${topic.id}`;
}

export function termKey(term: { packId: string; id: string }): string {
  return `${term.packId}/${term.id}`;
}

/** The topic that teaches a term, if it names one that loaded. */
export function topicOfTerm(content: Content, term: Term): Topic | undefined {
  return term.topicId ? content.topics.get(`${term.packId}/${term.topicId}`) : undefined;
}

/** The folders Study Deck reads workspace packs from. */
export const WORKSPACE_PACKS_DIR = '.studydeck';

/** Workspace packs are compared with the disk this often (and on each window focus), besides file events. */
const PACK_CHECK_MS = 30_000;

/**
 * Loads the built-in and workspace packs on first use (never during activation), reloads when pack
 * files change, and tells listeners.
 */
export class ContentService extends Disposable {
  private current: Content | undefined;
  private loading: Promise<Content> | undefined;
  private watching = false;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changed = this.register(new vscode.EventEmitter<Content>());
  readonly onDidChange = this.changed.event;

  /** @param cacheRoot where the build put pre-loaded built-in packs (dist/packs). */
  constructor(
    private readonly builtinRoot: string,
    private readonly cacheRoot?: string,
  ) {
    super();
  }

  private async readCache(root: string): Promise<unknown> {
    if (!this.cacheRoot) return undefined;
    try {
      return JSON.parse(await fs.readFile(path.join(this.cacheRoot, `${path.basename(root)}.json`), 'utf8'));
    } catch {
      return undefined; // no cache: the YAML loader does the work
    }
  }

  private async cachedPackNames(): Promise<string[]> {
    if (!this.cacheRoot) return [];
    const names = await fs.readdir(this.cacheRoot).catch(() => [] as string[]);
    return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));
  }

  /** Content if already loaded, without triggering a load. */
  peek(): Content | undefined {
    return this.current;
  }

  get(): Promise<Content> {
    if (this.current) return Promise.resolve(this.current);
    return (this.loading ??= this.load());
  }

  async reload(): Promise<Content> {
    await this.loading?.catch(() => undefined);
    this.loading = this.load();
    return this.loading;
  }

  /** How many loads have started: activation must leave this at 0. */
  loadsStarted = 0;

  /** How many file events the pack watcher has delivered: tells a missed event from a missed reload. */
  fileEvents = 0;

  /** How many reloads a disk check started because files changed with no event for them. */
  reloadsFromChecks = 0;

  /** The workspace pack files as the last load found them (see packStamp). */
  private loadedStamp: string | undefined;

  /** The pack folders under the workspace's .studydeck folders, when its packs may be read. */
  private async workspacePackRoots(): Promise<string[]> {
    if (!vscode.workspace.isTrusted) return [];
    const dirs = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => path.join(f.uri.fsPath, WORKSPACE_PACKS_DIR));
    return (await Promise.all(dirs.map(listPackFolders))).flat();
  }

  /**
   * Compares the workspace pack files with what was loaded, and reloads when they differ. Runs on window
   * focus and every 30 s, for changes the file watcher did not report. True when it started a reload.
   */
  async checkPackFiles(): Promise<boolean> {
    if (!this.current) return false;
    const before = this.loadedStamp;
    const now = await packStamp(await this.workspacePackRoots());
    // A load that started meanwhile took its own stamp; only a difference from the latest one counts.
    if (before === undefined || now === this.loadedStamp || before !== this.loadedStamp) return false;
    this.reloadsFromChecks++;
    this.scheduleReload();
    return true;
  }

  private async load(): Promise<Content> {
    this.loadsStarted++;
    this.startWatching();
    const started = performance.now();
    const blocked = !vscode.workspace.isTrusted;
    const workspaceRoots = await this.workspacePackRoots();
    // Taken before the files are read: a change made while they are read then shows at the next check.
    this.loadedStamp = await packStamp(workspaceRoots);
    const sources: { root: string; origin: 'builtin' | 'workspace' }[] = workspaceRoots.map((root) => ({ root, origin: 'workspace' }));
    const builtin = new Set(await listPackFolders(this.builtinRoot));
    // The packaged extension ships a built-in pack as its cache alone; its folder is then absent.
    for (const name of await this.cachedPackNames()) builtin.add(path.join(this.builtinRoot, name));
    for (const root of [...builtin].sort()) sources.push({ root, origin: 'builtin' });

    const packs: Pack[] = [];
    const problems: Problem[] = [];
    const results = await Promise.all(
      sources.map(async (s) => {
        const { files, unreadable } = await readPackFolder(s.root);
        const cache = s.origin === 'builtin' ? await this.readCache(s.root) : undefined;
        const cached = s.origin !== 'builtin' ? undefined : files.length === 0 ? fromShippedCache(cache, s.root) : fromPackCache(cache, s.root, files);
        const result = cached ? { pack: cached, problems: [] } : loadYamlTools().loadPack({ root: s.root, origin: s.origin, files });
        const extra: Problem[] = unreadable.map((u) => ({
          file: u.path,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: 'error',
          code: 'unreadable-file',
          message: `Study Deck could not read this file: ${u.error}`,
        }));
        return { result, extra };
      }),
    );
    const seenIds = new Set<string>();
    for (const { result, extra } of results) {
      problems.push(...result.problems, ...extra);
      // Workspace packs come first, so a workspace copy of a built-in pack replaces it.
      if (result.pack && !seenIds.has(result.pack.id)) {
        seenIds.add(result.pack.id);
        packs.push(result.pack);
      }
    }
    const topics = new Map<string, Topic>();
    const questions = new Map<string, Question>();
    const cases = new Map<string, CaseStudy>();
    const drills = new Map<string, Question>();
    for (const p of packs) for (const d of drillQuestions(p)) drills.set(d.key, d);
    const questionsByTerm = new Map<string, Question[]>();
    for (const p of packs) {
      for (const t of p.topics) {
        topics.set(topicKey(t), t);
        for (const c of t.cases) cases.set(c.key, c);
        for (const q of t.questions) {
          questions.set(q.key, q);
          for (const id of q.terms) {
            const k = termKey({ packId: q.packId, id });
            const list = questionsByTerm.get(k);
            if (list) list.push(q);
            else questionsByTerm.set(k, [q]);
          }
        }
      }
    }
    const content: Content = {
      packs,
      problems,
      terms: new TermIndex(packs.flatMap((p) => p.terms)),
      topics,
      questions,
      drills,
      cases,
      questionsByTerm,
      workspacePacksBlocked: blocked,
      loadMs: performance.now() - started,
    };
    this.current = content;
    this.changed.fire(content);
    return content;
  }

  private startWatching(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_PACKS_DIR}/**`));
    const schedule = () => this.scheduleReload();
    const fileEvent = () => {
      this.fileEvents++;
      schedule();
    };
    this.register(watcher.onDidCreate(fileEvent));
    this.register(watcher.onDidChange(fileEvent));
    this.register(watcher.onDidDelete(fileEvent));
    this.register(vscode.workspace.onDidChangeWorkspaceFolders(schedule));
    this.register(vscode.workspace.onDidGrantWorkspaceTrust(schedule));
    // Saving in an editor is the author's signal; the watcher may lag behind it on some file systems.
    this.register(vscode.workspace.onDidSaveTextDocument((d) => d.uri.path.includes(`/${WORKSPACE_PACKS_DIR}/`) && schedule()));
    // A watcher can drop events (network and container file systems, a burst from a git checkout): coming
    // back to the window, and every half minute, the files are compared with what was loaded.
    this.register(vscode.window.onDidChangeWindowState((s) => s.focused && void this.checkPackFiles()));
    const timer = setInterval(() => void this.checkPackFiles(), PACK_CHECK_MS);
    this.register(new vscode.Disposable(() => clearInterval(timer)));
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), 150);
  }

  override dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    super.dispose();
  }
}
