// Baseline for `deskline kb import DIR`: every .md file read, its title taken from the first heading, and
// the article and its first revision inserted with better-sqlite3 prepared statements in one transaction.
const Database = require('better-sqlite3');
const { readdirSync, readFileSync } = require('node:fs');
const { join, basename } = require('node:path');

const db = new Database(process.argv[2]);
db.pragma('journal_mode = WAL');
const dir = process.argv[3];
const now = Date.now();
const article = db.prepare(
  `INSERT INTO kb_articles (slug, title, body, category, tags, audience, status, author_id, author_name, created_at, updated_at,
     search_title, search_tags, search_body) VALUES (?, ?, ?, ?, '', 'internal', 'published', NULL, 'bench', ?, ?, ?, '', ?)`,
);
const revision = db.prepare("INSERT INTO kb_revisions (article_id, version, action, actor, at) VALUES (?, 1, 'import', 'bench', ?)");
let n = 0;
db.transaction(() => {
  for (const category of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, category))) {
      const body = readFileSync(join(dir, category, file), 'utf8');
      const title = (/^# (.*)$/m.exec(body) || [])[1] || file;
      const id = article.run(
        basename(file, '.md'),
        title,
        body,
        category,
        now,
        now,
        title.toLowerCase(),
        body.toLowerCase(),
      ).lastInsertRowid;
      revision.run(id, now);
      n++;
    }
  }
})();
db.close();
process.stdout.write(`${n}\n`);
