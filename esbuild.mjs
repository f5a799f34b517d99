// Builds the extension (Node, CommonJS, vscode external) and the webview clients (browser IIFE).
// Flags: --production (minify, no source maps), --watch, --tests (also compile test/ to out/ for mocha).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/** Copies the codicon font and CSS next to the webview bundles: webviews may load only from dist/webview. */
function copyStatic() {
  const out = 'dist/webview';
  fs.mkdirSync(path.join(out, 'codicons'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join('node_modules/@vscode/codicons/dist', f), path.join(out, 'codicons', f));
  for (const f of fs.readdirSync('media').filter((n) => n.endsWith('.css'))) fs.copyFileSync(path.join('media', f), path.join(out, f));
}

const problemMatcher = {
  name: 'report',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) console.error(`✘ [ERROR] ${text}${location ? `\n    ${location.file}:${location.line}:${location.column}` : ''}`);
      if (build.initialOptions.entryPoints && watch) console.log(`[watch] built ${Object.keys(build.initialOptions.entryPoints).join(', ') || 'bundle'}`);
    });
  },
};

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', plugins: [problemMatcher] };

/** src/loadYamlTools.ts requires ./yamlTools.js at run time; it is a bundle of its own, not part of this one. */
const lazyYamlTools = {
  name: 'lazy-yaml-tools',
  setup(build) {
    build.onResolve({ filter: /^\.\/yamlTools\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const builds = [
  { ...common, plugins: [...common.plugins, lazyYamlTools], entryPoints: { extension: 'src/extension.ts', yamlTools: 'src/yamlTools.ts' }, outdir: 'dist', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: { quiz: 'media/src/quiz.ts', exam: 'media/src/exam.ts', dashboard: 'media/src/dashboard.ts', cards: 'media/src/cards.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'iife', target: 'es2022' },
];

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

if (tests) {
  // Tests are compiled file by file (not bundled) so mocha sees one module per test file.
  builds.push({
    entryPoints: [...listTs('src'), ...listTs('test/unit'), ...listTs('test/integration')],
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
}

/** Built-in packs go into dist/packs/ pre-loaded (see src/core/content/packCache.ts). */
async function cachePacks() {
  const out = 'out/build/writePackCaches.cjs';
  await esbuild.build({ entryPoints: ['src/core/content/writePackCaches.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning' });
  const { writePackCaches } = await import(`./${out}?t=${Date.now()}`);
  for (const line of await writePackCaches('content', 'dist/packs')) {
    if (line.endsWith(': cached')) continue;
    // The package ships built-in packs as their cache only: one that cannot be cached would be missing.
    if (production) throw new Error(`[packs] ${line}; fix its problems (npm run pack) before packaging`);
    console.warn(`[packs] ${line}`);
  }
}

copyStatic();
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
await cachePacks();
