/** The ordered record of migrations. `user_version` equals the number of the last one applied. */
import type { Kysely } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-kb.js';
import * as m003 from './003-sla.js';
import * as m004 from './004-assignee-urgency.js';
import * as m005 from './005-audit-chain.js';
import * as m006 from './006-ticket-fts.js';
import * as m007 from './007-report-summaries.js';
import * as m008 from './008-attachments.js';
import * as m009 from './009-mail.js';
import * as m010 from './010-outbox.js';
import * as m011 from './011-people-assets.js';
import * as m012 from './012-requests-macros.js';
import * as m013 from './013-workflow.js';
import * as m014 from './014-triage.js';
import * as m015 from './015-kb-external-id.js';
import * as m016 from './016-mail-intake.js';
import * as m017 from './017-ticket-word-docs.js';
import * as m018 from './018-technician-roles.js';
import * as m019 from './019-sync.js';
import * as m020 from './020-change-seq-signers.js';
import * as m021 from './021-search-per-statement.js';
import * as m022 from './022-summary-at-commit.js';
import * as m023 from './023-insert-per-statement.js';
import * as m024 from './024-attachment-blobs.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '001-initial', up: m001.up },
  { version: 2, name: '002-kb', up: m002.up },
  { version: 3, name: '003-sla', up: m003.up },
  { version: 4, name: '004-assignee-urgency', up: m004.up },
  { version: 5, name: '005-audit-chain', up: m005.up },
  { version: 6, name: '006-ticket-fts', up: m006.up },
  { version: 7, name: '007-report-summaries', up: m007.up },
  { version: 8, name: '008-attachments', up: m008.up },
  { version: 9, name: '009-mail', up: m009.up },
  { version: 10, name: '010-outbox', up: m010.up },
  { version: 11, name: '011-people-assets', up: m011.up },
  { version: 12, name: '012-requests-macros', up: m012.up },
  { version: 13, name: '013-workflow', up: m013.up },
  { version: 14, name: '014-triage', up: m014.up },
  { version: 15, name: '015-kb-external-id', up: m015.up },
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

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
