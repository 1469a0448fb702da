/** Table types: SLA calendars and policies, KB articles and their links to tickets. Times are epoch ms. */
import type { ColumnType, Generated } from 'kysely';

export interface SlaCalendarsTable {
  id: Generated<number>;
  name: string;
  tz: string;
  /** JSON: { mon: ['09:00-17:00'], …, sun: [] }. */
  week: string;
  updated_at: number;
}

export interface SlaHolidaysTable {
  id: Generated<number>;
  calendar_id: number;
  /** YYYY-MM-DD in the calendar's zone. */
  date: string;
  name: string;
}

export interface SlaPoliciesTable {
  priority: string;
  first_response_minutes: number;
  resolution_minutes: number;
  is_24x7: number;
  calendar_id: number;
  updated_at: number;
}

export interface KbArticlesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  body: string;
  category: string;
  /** Comma-separated, lower-case tag slugs. */
  tags: string;
  audience: string;
  status: string;
  author_id: number | null;
  author_name: string;
  created_at: number;
  updated_at: number;
  view_count: ColumnType<number, number | undefined, number>;
  helped_count: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  /** Where an imported article came from (`confluence:<page id>`); null for articles written here (015). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Normalised copies the FTS5 index reads (src/domain/kb-text.ts); written with every change. */
  search_title: string;
  search_tags: string;
  search_body: string;
}

export interface KbRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  action: string;
  actor: string;
  at: number;
  old_title: string | null;
  old_body: string | null;
  note: string | null;
}

export interface TicketKbLinksTable {
  ticket_id: number;
  article_id: number;
  linked_by: string;
  linked_at: number;
}
