// Builds dist/ with esbuild, in two parts:
// - the CLI: minified ESM with code splitting (each command loads only its own code), entries cli and
//   the dashboard worker;
// - the console: one minified CommonJS file, dist/console.cjs, which src/boot/ runs through V8's code
//   cache (Node 20 has no compile cache for ES modules; see src/boot/code-cache.ts). Measured on Node
//   24 against the same console as one ES module under module.enableCompileCache: the first frame with
//   rows came 1.28-1.40x later as ESM (interleaved, 20k tickets), and Node 20 would have no cache at all.
// better-sqlite3's addon stays in node_modules; NODE_ENV is fixed; react-devtools-core is stubbed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { consoleWithoutTopLevelAwait, envPathsWithGlobalProcess, lazyStringWidthSetup, stringWidthFast } from './esbuild-plugins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// Build beside dist/ and swap it in, so a test running the binary never sees a half-written dist.
const staging = `dist.tmp-${process.pid}`;

const common = {
  absWorkingDir: root,
  outdir: staging,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  // better-sqlite3's JavaScript is bundled (and so code-cached in the console); its native addon is
  // loaded by path from node_modules (src/db/sqlite.ts), never through `bindings`.
  // pg's optional native binding (pg-native) is never used: pg requires it only when `pg.native` is read.
  external: ['bindings', 'pg-native'],
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  // Node 20 has both; lowered to `new RegExp(…)`, string-width's \p{RGI_Emoji} pattern is compiled at
  // load (~25 ms) instead of on first use.
  supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
  logLevel: 'warning',
};
const define = { 'process.env.NODE_ENV': '"production"', DESKLINE_VERSION: JSON.stringify(version) };

await build({
  ...common,
  // The console's worker threads (dashboard, outbox, mail, sync) are entries of their own: it starts them from dist/ by URL.
  entryPoints: {
    cli: 'src/cli.ts',
    'dashboard-worker': 'src/tui/dashboard-worker.ts',
    'outbox-worker': 'src/tui/outbox-worker.ts',
    'mail-worker': 'src/tui/mail-worker.ts',
    'sync-worker': 'src/tui/sync-worker.ts',
  },
  outExtension: { '.js': '.mjs' },
  splitting: true,
  format: 'esm',
  define,
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  plugins: [envPathsWithGlobalProcess, lazyStringWidthSetup],
});

await build({
  ...common,
  entryPoints: { console: 'src/tui/main.ts' },
  // Ink's CI check answered by the console itself (src/tui/session/not-in-ci.ts).
  alias: { ...common.alias, 'is-in-ci': './src/tui/session/not-in-ci.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import.meta does not exist in CommonJS: the bundle's own file URL stands in (worker, starter KB).
  define: { ...define, 'import.meta.url': '__bundleUrl', 'import.meta.resolve': '__bundleResolve' },
  banner: {
    js:
      "var __bundleUrl=require('node:url').pathToFileURL(__filename).href;" +
      "var __bundleResolve=(s)=>{throw new Error('import.meta.resolve is unavailable in the console bundle: '+s)};",
  },
  // string-width with a counted fast path for narrow text, for the importers of a copy with its API.
  plugins: [consoleWithoutTopLevelAwait, lazyStringWidthSetup, stringWidthFast(`${root}src/tui/string-width-fast.ts`)],
});

// A few dependencies keep raw non-ASCII characters in regular expressions. Escaped, the bundle is
// pure ASCII, which src/boot/code-cache.ts reads without UTF-8 decoding (1 ms instead of 17 ms).
// Its first line names the build (a hash of the rest): the key of its code cache, one per build and Node.
const consoleFile = `${root}${staging}/console.cjs`;
const ascii = readFileSync(consoleFile, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(consoleFile, `// build ${createHash('sha256').update(ascii).digest('hex').slice(0, 16)}\n${ascii}`);

const retired = `${root}dist.old-${process.pid}`;
try {
  renameSync(`${root}dist`, retired);
} catch {
  // no previous build
}
renameSync(`${root}${staging}`, `${root}dist`);
rmSync(retired, { recursive: true, force: true });
