/** Jira exports as imported tickets: each file is the REST search JSON (it starts with `{`) or the CSV export. */
import { EXIT, fail } from '../errors.js';
import { parseJiraCsv } from './jira-csv.js';
import { jiraTicket, type JiraIssue } from './jira-issue.js';
import { jiraIssuesOf } from './jira-json.js';
import { jsonDocuments } from './json-documents.js';
import type { ImportedTicket, VendorFile } from './vendor-record.js';

export function parseJira(files: readonly VendorFile[]): ImportedTicket[] {
  const issues: JiraIssue[] = [];
  for (const file of files) {
    if (/^\s*[{[]/.test(file.text.slice(0, 200)) && !/\.csv$/i.test(file.name)) {
      for (const doc of jsonDocuments(file.name, file.text)) {
        const found = jiraIssuesOf(doc.value, doc.where);
        if (!found) fail(EXIT.invalid, `${doc.where}: is not Jira search JSON (no 'issues' list and no issue with 'key' and 'fields')`);
        issues.push(...found);
      }
    } else {
      issues.push(...parseJiraCsv(file.name, file.text, file.limits));
    }
  }
  return issues.map(jiraTicket);
}
