// `npm start`: a real VS Code (code-server) on 127.0.0.1 with Study Deck loaded from this checkout and a
// sample workspace whose notes and code mention glossary terms. Prints the URL to open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, startCodeServer } from './codeServer.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const home = path.join(repoRoot, '.vscode-test', 'start');
const extensionsDir = path.join(home, 'extensions');
const userDataDir = path.join(home, 'user-data');
const workspace = process.env.STUDYDECK_WORKSPACE ?? path.join(home, 'sample-workspace');
fs.mkdirSync(extensionsDir, { recursive: true });
if (!process.env.STUDYDECK_WORKSPACE && !fs.existsSync(workspace)) {
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures', 'sample-workspace'), workspace, { recursive: true });
}
// The editor loads the extension straight from this checkout (a link), so `npm run watch` + reload works.
const link = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
fs.rmSync(link, { force: true, recursive: false });
fs.symlinkSync(repoRoot, link, 'dir');
fs.rmSync(path.join(extensionsDir, 'extensions.json'), { force: true });

const port = Number(process.env.PORT ?? 0) || undefined;
const cs = await startCodeServer({ port, extensionsDir, userDataDir, smokeDriver: false, settings: {
    'workbench.colorTheme': 'Default Dark Modern',
    // The sample workspace sits inside this repository: do not ask a newcomer about the parent git repo,
    // and keep the editor's chat side bar out of the way of the Study Deck views.
    'git.openRepositoryInParentFolders': 'never',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // A newcomer's first screen: the Study Deck view and its walkthrough, not an empty editor.
    'studyDeck.welcome.openOnFirstRun': true,
  } });
const url = `${cs.url}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nStudy Deck is running in VS Code (code-server ${os.hostname()}):\n\n  ${url}\n\nOpen it in a browser: the Study Deck view and its walkthrough open the first time; hover PEFT in notes.md.\nPress Ctrl+C to stop.`);
const stop = () => {
  cs.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);
setInterval(() => {}, 1 << 30);
