/** Bundles ./worker.ts into dist/stress-worker.mjs (as scripts/build.mjs bundles the CLI), so a stress process starts in ~0.1 s. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WORKER = `${ROOT}dist/stress-worker.mjs`;
export const BIN = `${ROOT}bin/deskline.js`;

export async function bundleWorker(): Promise<string> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['scripts/stress/worker.ts'],
    outfile: WORKER,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['bindings', 'pg-native'],
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return WORKER;
}
