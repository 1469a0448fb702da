// Types for scripts/esbuild-plugins.mjs, for the tests that build with its plugins.
import type { Plugin } from 'esbuild';

export const consoleWithoutTopLevelAwait: Plugin;
export const lazyEmojiPattern: Plugin;
export const envPathsWithGlobalProcess: Plugin;
export function stringWidthFast(fastPath: string): Plugin;
