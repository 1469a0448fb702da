/** Deskline's version, fixed at build time by esbuild `define` (scripts/build.mjs); '0.0.0-dev' from the sources. */
declare const DESKLINE_VERSION: string | undefined;
export const VERSION = typeof DESKLINE_VERSION === 'string' ? DESKLINE_VERSION : '0.0.0-dev';
