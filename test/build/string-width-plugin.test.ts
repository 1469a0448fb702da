/**
 * The console build hands its fast `string-width` only to importers of a copy with the same API
 * (v7, v8). A package that brings its own v4 (cli-table3 did, through marked-terminal) keeps it:
 * the alias that reached every importer broke every KB table in the console. Real esbuild, real
 * package folders, the bundle run by node.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { stringWidthFast } from '../../scripts/esbuild-plugins.mjs';
import { tempDir } from '../helpers/temp.js';

function files(root: string, tree: Record<string, string>) {
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

const pkg = (name: string, version: string, type: 'module' | 'commonjs') => JSON.stringify({ name, version, type, main: 'index.js' });

describe('the console build: string-width stand-in', () => {
  it('reaches importers of string-width 7 and 8, not a package with its own v4', async () => {
    const root = tempDir();
    files(root, {
      'node_modules/string-width/package.json': pkg('string-width', '8.3.0', 'module'),
      'node_modules/string-width/index.js': "export default function stringWidth(s) { return 'v8:' + s.length; }",
      // Like wrap-ansi 9: its own string-width 7, the same API.
      'node_modules/wraps/package.json': pkg('wraps', '9.0.0', 'module'),
      'node_modules/wraps/index.js': "import sw from 'string-width'; export default (s) => sw(s);",
      'node_modules/wraps/node_modules/string-width/package.json': pkg('string-width', '7.2.0', 'module'),
      'node_modules/wraps/node_modules/string-width/index.js': "export default function stringWidth(s) { return 'v7:' + s.length; }",
      // Like cli-table3: CommonJS, calls what require('string-width') returns.
      'node_modules/table/package.json': pkg('table', '0.6.5', 'commonjs'),
      'node_modules/table/index.js': "const sw = require('string-width'); module.exports = (s) => sw(s);",
      'node_modules/table/node_modules/string-width/package.json': pkg('string-width', '4.2.3', 'commonjs'),
      'node_modules/table/node_modules/string-width/index.js': "module.exports = (s) => 'v4:' + s.length;",
      'fast.js': "export default function fast(s) { return 'fast:' + s.length; }",
      'entry.js':
        "import sw from 'string-width'; import wraps from 'wraps'; import table from 'table';\n" +
        "console.log(JSON.stringify([sw('abc'), wraps('abcd'), table('ab')]));",
    });
    await build({
      absWorkingDir: root,
      entryPoints: ['entry.js'],
      outfile: join(root, 'out.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'silent',
      plugins: [stringWidthFast(join(root, 'fast.js'))],
    });
    const out = execFileSync(process.execPath, [join(root, 'out.cjs')], { encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual(['fast:3', 'fast:4', 'v4:2']);
  });
});
