// The architecture as data: each layer of src/ and the layers it may import. ESLint (eslint.config.js)
// turns it into import rules, so a forbidden import fails `npm run lint` (and so `npm test`).
//
//   cli.ts ─► boot/ (console bundle, code cache)      program.ts ─► commands/ (the CLI face)
//                                                                     │
//   tui/ (the console face) ────────────────┬─────────────────────────┘
//                                           ▼
//                            io/ (formats in and out) ──► store/ (one Desk handle) ──► db/ (files, migrations)
//                            demo/ (demo generator) ──►     │
//                                                           ▼
//                                                   domain/ (pure rules)
//   shared by all: errors.ts, paths.ts, settings.ts, streams.ts

/** Layer → the layers it may import (itself always). Top-level files are the `shared` layer. */
const MAY_IMPORT = {
  domain: ['shared'],
  db: ['shared'],
  store: ['domain', 'db', 'shared'],
  io: ['store', 'domain', 'shared'],
  demo: ['store', 'domain', 'shared'],
  commands: ['io', 'demo', 'store', 'domain', 'shared'],
  tui: ['io', 'demo', 'store', 'domain', 'shared'],
  boot: ['shared'],
};
const LAYER_NAMES = Object.keys(MAY_IMPORT);

/** Packages a layer must never import (the faces never touch SQL; the CLI never loads the console's kit). */
const FORBIDDEN_PACKAGES = {
  domain: ['kysely', 'better-sqlite3', 'ink', 'react', 'commander', 'fuse.js', 'node:fs', 'fs'],
  db: ['ink', 'react', 'commander', 'fuse.js'],
  store: ['ink', 'react', 'commander'],
  io: ['ink', 'react', 'commander', 'kysely', 'better-sqlite3'],
  demo: ['ink', 'react', 'commander', 'kysely', 'better-sqlite3'],
  commands: ['ink', 'react', 'fuse.js', 'kysely', 'better-sqlite3'],
  tui: ['commander', 'kysely', 'better-sqlite3'],
  boot: ['ink', 'react', 'commander', 'kysely', 'better-sqlite3', 'fuse.js'],
};

const zones = LAYER_NAMES.map((layer) => ({
  target: `./src/${layer}`,
  from: LAYER_NAMES.filter((other) => other !== layer && !MAY_IMPORT[layer].includes(other)).map((other) => `./src/${other}`),
  message: `${layer}/ may import only ${[...MAY_IMPORT[layer], layer].join(', ')} (scripts/layers.js)`,
}));

// Shared modules import no layer; the entries (cli.ts, program.ts) are the only top-level files that do.
zones.push({
  target: ['./src/errors.ts', './src/paths.ts', './src/settings.ts', './src/streams.ts'],
  from: LAYER_NAMES.map((l) => `./src/${l}`),
  message: 'shared modules import no layer (scripts/layers.js)',
});

// The raw SQLite connection stays inside store/ (src/store/sqlite-raw.ts).
zones.push({
  target: LAYER_NAMES.filter((l) => l !== 'store').map((l) => `./src/${l}`),
  from: './src/store/sqlite-raw.ts',
  message: 'only store/ may use the raw SQLite connection (scripts/layers.js)',
});

const packageRules = LAYER_NAMES.map((layer) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: FORBIDDEN_PACKAGES[layer].map((name) => ({
          name,
          message: `${layer}/ must not import ${name} (scripts/layers.js)`,
        })),
      },
    ],
  },
}));

// Plain mode (src/tui/plain/) is a face of its own inside tui/: lines for screen readers, never ink or react.
const PLAIN_FORBIDDEN = [...FORBIDDEN_PACKAGES.tui, 'ink', 'react', '@inkjs/ui'];
packageRules.push({
  files: ['src/tui/plain/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { paths: PLAIN_FORBIDDEN.map((name) => ({ name, message: `tui/plain/ must not import ${name} (scripts/layers.js)` })) },
    ],
  },
});

export const LAYERS = { zones, packageRules, MAY_IMPORT };
