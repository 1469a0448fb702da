// esbuild plugins for scripts/build.mjs. Each one exists for a measured start-up cost or a format limit.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Replaces `from` once in a dependency's source, or fails the build: an upgrade must not pass unnoticed. */
function patch(text, from, to, file) {
  if (!text.includes(from)) throw new Error(`build: expected text not found in ${file}: ${from.slice(0, 60)}`);
  return text.replace(from, to);
}

/**
 * The console is a CommonJS bundle (V8's code cache needs a classic script), and CommonJS has no
 * top-level await. ink 6 awaits only for DEV=true devtools and its package.json (DEV only);
 * yoga-layout 3 awaits its WebAssembly. Here yoga's wasm is compiled and instantiated synchronously
 * through emscripten's `instantiateWasm` hook (72 KB: ~2 ms), which also skips fetch and atob.
 */
export const consoleWithoutTopLevelAwait = {
  name: 'console-without-top-level-await',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async ({ path }) => {
      let text = await readFile(path, 'utf8');
      text = patch(text, "await import('./devtools.js');", "require('./devtools.js');", path);
      text = patch(text, '? await loadPackageJson()', "? { name: 'ink', version: undefined }", path);
      return { contents: text, loader: 'js' };
    });
    b.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, async ({ path }) => {
      const binary = await readFile(new URL('../binaries/yoga-wasm-base64-esm.js', `file://${path}`), 'utf8');
      const base64 = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/.exec(binary)?.[1];
      if (!base64) throw new Error(`build: no embedded wasm in yoga-layout next to ${path}`);
      const text = patch(
        await readFile(path, 'utf8'),
        'const Yoga = wrapAssembly(await loadYoga());',
        `
const wasm = new WebAssembly.Module(Buffer.from(${JSON.stringify(base64)}, 'base64'));
const yogaModule = {
  instantiateWasm(imports, receive) {
    const instance = new WebAssembly.Instance(wasm, imports);
    receive(instance);
    return instance.exports;
  },
};
loadYoga(yogaModule);
if (!yogaModule.calledRun) throw new Error('yoga-layout did not initialise synchronously');
const Yoga = wrapAssembly(yogaModule);`,
        path,
      );
      return { contents: text, loader: 'js' };
    });
  },
};

/**
 * string-width 8 builds `/^\p{RGI_Emoji}$/v` when it loads; compiled from V8's code cache that
 * costs 20–30 ms at every console start, though the pattern is only needed for text that is not
 * narrow (src/tui/string-width-fast.ts counts that text itself). Built on first use instead.
 */
export const lazyEmojiPattern = {
  name: 'lazy-emoji-pattern',
  setup(b) {
    // The top-level copy only (string-width-fast.ts imports it); nested copies keep their own code.
    b.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async ({ path }) => {
      if (/node_modules[\\/].*node_modules[\\/]/.test(path)) return undefined;
      const text = patch(
        await readFile(path, 'utf8'),
        'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
        'let rgiEmojiPattern;\nconst rgiEmojiRegex = { test: (s) => (rgiEmojiPattern ??= /^\\p{RGI_Emoji}$/v).test(s) };',
        path,
      );
      return { contents: text, loader: 'js' };
    });
  },
};

/** env-paths imports `node:process`; in ESM that builds a namespace of every property of `process`. */
export const envPathsWithGlobalProcess = {
  name: 'env-paths-with-global-process',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]env-paths[\\/]index\.js$/ }, async ({ path }) => ({
      contents: patch(await readFile(path, 'utf8'), "import process from 'node:process';\n", '', path),
      loader: 'js',
    }));
  },
};

/** string-width majors whose API the console's stand-in has: an ES module whose default is (text, options). */
const FAST_STRING_WIDTH_MAJORS = new Set([7, 8]);

/** The major version of the package a resolved file belongs to (the nearest package.json with a name). */
async function packageMajor(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const json = await readFile(join(dir, 'package.json'), 'utf8').catch(() => null);
    const pkg = json === null ? null : JSON.parse(json);
    if (pkg?.name) return Number(String(pkg.version).split('.')[0]);
  }
  return NaN;
}

/**
 * `string-width` → `fastPath` (src/tui/string-width-fast.ts) for the importers that get a copy with
 * the same API (v7, v8: ink, wrap-ansi, cli-truncate, our own code), and nobody else. An esbuild
 * alias applies to every importer: it once handed the stand-in to cli-table3, which expects v4's
 * CommonJS function, and every KB table in the console read `yK is not a function`.
 */
export function stringWidthFast(fastPath) {
  return {
    name: 'string-width-fast',
    setup(b) {
      b.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.pluginData?.real) return undefined;
        const { resolveDir, importer, kind } = args;
        const real = await b.resolve('string-width', { resolveDir, importer, kind, pluginData: { real: true } });
        if (real.errors.length > 0 || !FAST_STRING_WIDTH_MAJORS.has(await packageMajor(real.path))) return real;
        return { path: fastPath };
      });
    },
  };
}
