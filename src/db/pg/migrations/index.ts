/**
 * PostgreSQL migrations. Versions follow SQLite's numbering (src/db/migrations/index.ts): a server
 * starts at 015, one baseline equal to SQLite's schema at version 15, and every later migration gets
 * a twin on each dialect with the same number. The runner (transaction, advisory lock, version stamp)
 * lives with the PostgreSQL opener. Frozen once landed, like SQLite's.
 */
import type { Migration } from '../../migrations/index.js';
import * as m015 from './015-baseline.js';
import * as m016 from './016-mail-intake.js';
import * as m017 from './017-ticket-word-docs.js';
import * as m018 from './018-technician-roles.js';
import * as m019 from './019-sync.js';
import * as m020 from './020-change-seq-signers.js';
import * as m021 from './021-search-per-statement.js';
import * as m022 from './022-summary-at-commit.js';
import * as m023 from './023-insert-per-statement.js';
import * as m024 from './024-attachment-blobs.js';

export const PG_MIGRATIONS: readonly Migration[] = [
  { version: 15, name: '015-baseline', up: m015.up },
  { version: 16, name: '016-mail-intake', up: m016.up },
  { version: 17, name: '017-ticket-word-docs', up: m017.up },
  { version: 18, name: '018-technician-roles', up: m018.up },
  { version: 19, name: '019-sync', up: m019.up },
  { version: 20, name: '020-change-seq-signers', up: m020.up },
  { version: 21, name: '021-search-per-statement', up: m021.up },
  { version: 22, name: '022-summary-at-commit', up: m022.up },
  { version: 23, name: '023-insert-per-statement', up: m023.up },
  { version: 24, name: '024-attachment-blobs', up: m024.up },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]!.version;
