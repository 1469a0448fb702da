/**
 * Start-up: yoga-layout (Ink's layout engine) loads its WebAssembly through `fetch(data: URL)`
 * whenever `fetch` exists, which starts Node's undici (~50 ms here), and decodes base64 with the
 * slow spec `atob`. Imported first by main.ts, this hides `fetch` and lends a Buffer-based `atob`
 * while Ink's modules evaluate; `restoreGlobals()` puts both back before anything else runs.
 */
const saved = { fetch: globalThis.fetch, atob: globalThis.atob };
(globalThis as { fetch?: typeof fetch }).fetch = undefined;
globalThis.atob = (data: string) => Buffer.from(data, 'base64').toString('latin1');

export function restoreGlobals(): void {
  globalThis.fetch = saved.fetch;
  globalThis.atob = saved.atob;
}
