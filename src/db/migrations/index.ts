/** The ordered record of migrations. `user_version` equals the number of the last one applied. */
import type { Kysely } from 'kysely';
import * as m001 from './001-initial.js';
import * as m002 from './002-kb.js';
import * as m003 from './003-sla.js';
import * as m004 from './004-assignee-urgency.js';
import * as m005 from './005-audit-chain.js';
import * as m006 from './006-ticket-fts.js';
import * as m007 from './007-report-summaries.js';
import * as m014 from './014-triage.js';

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
  { version: 14, name: '014-triage', up: m014.up },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
