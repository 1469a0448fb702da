// Runs the built CLI in this process and writes its peak resident memory (MB) to the file named first:
// node peak-rss.mjs OUT BIN args… (for the export scenario's flat-memory check).
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [out, bin, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], bin, ...args];
process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS / 1024)));
await import(pathToFileURL(bin).href);
