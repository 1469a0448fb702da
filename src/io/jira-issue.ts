/** A Jira issue read from either export (CSV or REST JSON) as an imported ticket. */
import type { Status } from '../domain/ticket.js';
import { JIRA_PRIORITY, JIRA_STATUS, JIRA_STATUS_CATEGORY } from './jira-map.js';
import { titleFromDescription } from './ticket-records.js';
import {
  badRecord,
  capText,
  personText,
  tagOf,
  tagsOf,
  type ImportedEntry,
  type ImportedPerson,
  type ImportedTicket,
} from './vendor-record.js';

export interface JiraComment {
  author: ImportedPerson;
  /** The author's account id or user name (what the CSV export writes), to tell the reporter's comments. */
  authorKey: string;
  body: string;
  createdAt: number | null;
  /** Jira Service Management: false for an internal comment. */
  public: boolean;
}

export interface JiraIssue {
  where: string;
  key: string;
  summary: string;
  description: string;
  status: string;
  statusCategory: string | null;
  priority: string;
  resolution: string;
  type: string;
  labels: readonly string[];
  components: readonly string[];
  reporter: ImportedPerson | null;
  /** The reporter's account id or user name, as comments name their authors. */
  reporterKeys: readonly string[];
  assignee: ImportedPerson | null;
  created: number | null;
  updated: number | null;
  resolved: number | null;
  comments: readonly JiraComment[];
  /** Custom fields with a value, as `name: value` lines (kept as a note). */
  fieldLines: readonly string[];
}

function statusOf(issue: JiraIssue): { status: Status; tag: string | null } {
  const name = issue.status.trim().toLowerCase();
  if (name === '') return { status: 'open', tag: null };
  const known = JIRA_STATUS[name];
  if (known) return { status: known, tag: null };
  return { status: JIRA_STATUS_CATEGORY[issue.statusCategory ?? ''] ?? 'open', tag: tagOf(`status-${name}`) };
}

export function jiraTicket(issue: JiraIssue): ImportedTicket {
  const where = `${issue.where} (${issue.key})`;
  if (!/^[A-Z][A-Z0-9_]*-\d+$/i.test(issue.key)) badRecord(issue.where, 'Issue key', `'${issue.key}' is not an issue key such as HELP-12`);
  const { status, tag: statusTag } = statusOf(issue);
  const priorityName = issue.priority.trim().toLowerCase();
  const priority = priorityName === '' ? 'normal' : (JIRA_PRIORITY[priorityName] ?? 'normal');
  const reporterKeys = new Set(issue.reporterKeys.map((k) => k.toLowerCase()));
  const timeline: ImportedEntry[] = issue.comments.map((c) => {
    const byReporter = reporterKeys.has(c.authorKey.toLowerCase());
    return {
      kind: !c.public ? 'note' : byReporter ? 'email_in' : 'reply',
      author: c.author,
      technician: !byReporter,
      body: capText(c.body),
      createdAt: c.createdAt ?? issue.created,
    };
  });
  if (issue.fieldLines.length) {
    const body = `Jira fields:\n${issue.fieldLines.join('\n')}`;
    timeline.unshift({ kind: 'note', author: { name: 'Jira import', email: null }, technician: false, body, createdAt: issue.created });
  }
  const done = status === 'resolved' || status === 'closed';
  const resolution = issue.resolution.trim();
  const description = capText(issue.description.trim());
  const resolvedAt = done ? (issue.resolved ?? issue.updated ?? issue.created) : null;
  const fields: Record<string, unknown> = {
    externalId: `jira:${issue.key.toUpperCase()}`,
    title: issue.summary.replace(/\s+/g, ' ').trim() || titleFromDescription(description) || issue.key,
    description,
    status,
    priority,
    channel: 'web',
    tags: tagsOf([...issue.labels, ...issue.components, ...(issue.type ? [issue.type] : []), ...(statusTag ? [statusTag] : [])]),
    requester: personText(issue.reporter),
    createdAt: issue.created,
    updatedAt: issue.updated ?? issue.created,
    firstResponseAt: timeline.find((e) => e.kind === 'reply')?.createdAt ?? null,
    resolvedAt,
    closedAt: status === 'closed' ? (issue.updated ?? resolvedAt) : null,
    resolution: status === 'resolved' || resolution ? `Jira resolution: ${resolution || 'Done'}` : null,
  };
  if (fields.createdAt !== null && typeof fields.updatedAt === 'number' && fields.updatedAt < (fields.createdAt as number))
    fields.updatedAt = fields.createdAt;
  return { where, fields, requester: issue.reporter, assignee: issue.assignee, timeline };
}
