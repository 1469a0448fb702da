// Prints vitest `--exclude` globs, one per line, for the test files `npm run test:pg` runs (its
// filters in package.json): CI's second pass (.ci/run) runs those on PostgreSQL and the rest on
// SQLite, so both dialects are tested in CI without running the store's tests a third time.
import { readFileSync } from 'node:fs';

const script = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts['test:pg'];
const filters = script.split('vitest run')[1].trim().split(/\s+/);
for (const filter of filters) {
  // A vitest filter is a part of the path: `test/commands/import` takes import.test.ts and import-bad.test.ts.
  process.stdout.write(`--exclude=${filter}*\n--exclude=${filter}*/**\n`);
}
