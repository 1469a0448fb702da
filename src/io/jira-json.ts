/**
 * Jira's REST search JSON (`GET /rest/api/2|3/search` → `{ issues: [{ key, fields }] }`, or one issue
 * from `GET /rest/api/…/issue/KEY`) as Jira issues. Descriptions and comments are ADF (v3) or wiki
 * markup (v2); custom fields with a plain value are kept as lines of a note.
 */
import { adfToText, isAdf } from './adf-text.js';
import type { JiraComment, JiraIssue } from './jira-issue.js';
import { isObject } from './json-documents.js';
import { badRecord, timeField, type ImportedPerson } from './vendor-record.js';
import { wikiToText } from './wiki-text.js';

type Obj = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const nameOf = (v: unknown): string => (isObject(v) ? str(v.name) || str(v.value) : str(v));

function richText(value: unknown): string {
  if (isAdf(value)) return adfToText(value);
  return typeof value === 'string' ? wikiToText(value) : '';
}

function user(value: unknown): ImportedPerson | null {
  if (!isObject(value)) return null;
  const email = str(value.emailAddress).trim().toLowerCase() || null;
  const name = str(value.displayName).trim() || str(value.name).trim() || email || str(value.accountId);
  return name ? { name, email } : null;
}

const userKeys = (value: unknown): string[] =>
  isObject(value) ? [value.accountId, value.name, value.key, value.emailAddress].map(str).filter((k) => k !== '') : [];

/** The issues of one JSON document, or null when it holds none (then it is not a Jira document). */
export function jiraIssuesOf(doc: unknown, where: string): JiraIssue[] | null {
  if (!isObject(doc)) return null;
  const list = Array.isArray(doc.issues) ? doc.issues : isObject(doc.fields) && typeof doc.key === 'string' ? [doc] : null;
  if (!list) return null;
  return list.map((issue, i) => {
    const at = Array.isArray(doc.issues) ? `${where} issue ${i + 1}` : where;
    if (!isObject(issue) || !isObject(issue.fields)) badRecord(at, 'fields', 'must be an object (each issue has key and fields)');
    return issueOf(issue, issue.fields as Obj, at);
  });
}

function issueOf(issue: Obj, fields: Obj, where: string): JiraIssue {
  const key = str(issue.key);
  if (!key) badRecord(where, 'key', 'is required (the issue key, such as HELP-12)');
  const at = `${where} (${key})`;
  const reporter = user(fields.reporter) ?? user(fields.creator);
  const commentField = fields.comment;
  const rawComments = isObject(commentField) ? commentField.comments : Array.isArray(commentField) ? commentField : [];
  if (!Array.isArray(rawComments)) badRecord(at, 'comment.comments', 'must be a list');
  const comments: JiraComment[] = (rawComments as unknown[]).map((c, i) => {
    if (!isObject(c)) return badRecord(at, `comment.comments[${i}]`, 'must be an object');
    return {
      author: user(c.author) ?? { name: 'Jira', email: null },
      authorKey: userKeys(c.author)[0] ?? '',
      body: richText(c.body),
      createdAt: timeField(at, `comment.comments[${i}].created`, c.created),
      public: c.jsdPublic !== false,
    };
  });
  const reporterKeys = userKeys(fields.reporter);
  for (const c of comments) if (reporterKeys.includes(c.authorKey)) c.author = reporter ?? c.author;
  const list = (v: unknown, field: string): string[] => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return badRecord(at, field, 'must be a list');
    return v.map(nameOf).filter((s) => s !== '');
  };
  const status = isObject(fields.status) ? fields.status : {};
  return {
    where,
    key,
    summary: str(fields.summary),
    description: richText(fields.description),
    status: nameOf(fields.status),
    statusCategory: isObject(status.statusCategory) ? str(status.statusCategory.key) || null : null,
    priority: nameOf(fields.priority),
    resolution: nameOf(fields.resolution),
    type: nameOf(fields.issuetype),
    labels: list(fields.labels, 'labels'),
    components: list(fields.components, 'components'),
    reporter,
    reporterKeys,
    assignee: user(fields.assignee),
    created: timeField(at, 'created', fields.created),
    updated: timeField(at, 'updated', fields.updated),
    resolved: timeField(at, 'resolutiondate', fields.resolutiondate),
    comments,
    fieldLines: Object.entries(fields).flatMap(([k, v]) => {
      if (!k.startsWith('customfield_') || v === null || v === undefined || v === '') return [];
      const text = Array.isArray(v) ? v.map(nameOf).join(', ') : isObject(v) ? (isAdf(v) ? adfToText(v) : nameOf(v)) : str(v);
      return text.trim() ? [`${k}: ${text.replace(/\s+/g, ' ').trim()}`] : [];
    }),
  };
}
