/** `deskline config get|set|list|path`: settings through conf (kept off the startup path). */
import { Command } from 'commander';
import { DEFAULT_CATEGORIES, TIERS } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { configFolder, settingsFile } from '../paths.js';
import { describeFileError, makePrivateFolder, narrowToPrivate } from '../private-files.js';
import { IMPORT_LIMIT_KEYS } from '../io/import-limits.js';
import { DB_KEYS } from './config-db-keys.js';
import { MAIL_KEYS, REFUSED_KEYS } from './config-mail-keys.js';
import { REMOTE_KEYS } from './config-remote-keys.js';
import { CHAT_KEYS, CHAT_PATTERN_HELP, chatChannelKey } from './config-chat-keys.js';
import type { Ctx } from './context.js';
import { shownTarget } from '../store/desk-target.js';

const days = (key: string) => (v: string) =>
  /^\d{1,4}$/.test(v.trim()) && Number(v) <= 3650
    ? Number(v)
    : fail(EXIT.invalid, `${key}: '${v}' must be a whole number of days from 0 to 3650`);
const megabytes = (key: string) => (v: string) =>
  Number(v) > 0 && Number(v) <= 4096 ? Number(v) : fail(EXIT.invalid, `${key}: '${v}' is not a size in MB (1 to 4096)`);
/** Every settable key, with how to read its value from the command line. */
const KEYS: Record<string, { help: string; parse(v: string): unknown }> = {
  'user.name': { help: 'your name, shown in history', parse: (v) => v.trim() },
  'user.email': {
    help: 'your email; identifies you as a technician ("me")',
    parse: (v) =>
      /^[^\s@]+@[^\s@]+$/.test(v.trim()) ? v.trim().toLowerCase() : fail(EXIT.invalid, `user.email: '${v}' is not an email address`),
  },
  'user.tier': {
    help: 'your tier: L1, L2 or L3',
    parse: (v) =>
      TIERS.includes(v.toUpperCase() as never) ? v.toUpperCase() : fail(EXIT.invalid, `user.tier: must be one of ${TIERS.join(', ')}`),
  },
  'attachments.max_mb': {
    help: 'the largest file `ticket attach` and imports accept, in MB (default 25)',
    parse: (v) =>
      Number(v) > 0 && Number(v) <= 4096 ? Number(v) : fail(EXIT.invalid, `attachments.max_mb: '${v}' is not a size in MB (1 to 4096)`),
  },
  [IMPORT_LIMIT_KEYS.record.key]: {
    help: `the longest record an import takes: a JSON Lines line, a CSV record, a string in a JSON file, in MB (default ${IMPORT_LIMIT_KEYS.record.defaultMb})`,
    parse: megabytes(IMPORT_LIMIT_KEYS.record.key),
  },
  [IMPORT_LIMIT_KEYS.file.key]: {
    help: `the largest Zendesk or Jira file an import reads (they are read whole), in MB (default ${IMPORT_LIMIT_KEYS.file.defaultMb})`,
    parse: megabytes(IMPORT_LIMIT_KEYS.file.key),
  },
  plain: {
    help: 'true: `deskline` opens plain mode (line by line, for screen readers) instead of the console',
    parse: (v) =>
      ['true', 'false'].includes(v.trim().toLowerCase())
        ? v.trim().toLowerCase() === 'true'
        : fail(EXIT.invalid, `plain: must be true or false`),
  },
  categories: {
    help: `ticket categories, comma-separated (default ${DEFAULT_CATEGORIES.join(',')})`,
    parse: (v) =>
      v
        .split(',')
        .map((c) => c.trim().toLowerCase())
        .filter(Boolean),
  },
  'workflow.closeResolvedDays': {
    help: 'days before a resolved ticket closes (default 7; 0: never)',
    parse: days('workflow.closeResolvedDays'),
  },
  'workflow.pendingDays': { help: 'days a pending ticket waits for its requester (default 5)', parse: days('workflow.pendingDays') },
  'workflow.pendingAction': {
    help: 'then: remind | close | off (default remind)',
    parse: (v) =>
      ['remind', 'close', 'off'].includes(v.trim())
        ? v.trim()
        : fail(EXIT.invalid, `workflow.pendingAction: must be remind, close or off (got '${v}')`),
  },
  ...MAIL_KEYS,
  ...REMOTE_KEYS,
  ...CHAT_KEYS,
  ...DB_KEYS,
};
const PREFIX_KEYS: Record<string, string> = {
  'views.': 'a saved view: views.<name> = query',
  'keymap.': 'a key binding: keymap.<action> = key',
};

function keySpec(key: string, env: Record<string, string | undefined>) {
  if (KEYS[key]) return KEYS[key]!;
  const chat = chatChannelKey(key, env);
  if (chat) return chat;
  if (REFUSED_KEYS[key]) fail(EXIT.invalid, REFUSED_KEYS[key]!);
  const prefix = Object.keys(PREFIX_KEYS).find((p) => key.startsWith(p) && key.length > p.length);
  if (prefix) return { help: PREFIX_KEYS[prefix]!, parse: (v: string) => v };
  return fail(
    EXIT.invalid,
    `unknown setting '${key}' (known: ${[...Object.keys(KEYS), 'views.<name>', 'keymap.<action>', ...Object.keys(CHAT_PATTERN_HELP)].join(', ')})`,
  );
}

async function store(ctx: Ctx) {
  const { default: Conf } = await import('conf');
  // Private at any umask: conf would make the folder 0777 and the file 0666, less the umask.
  const folder = configFolder(ctx.io.env);
  try {
    makePrivateFolder(folder);
  } catch (error) {
    fail(EXIT.database, `cannot create the settings folder ${folder}: ${describeFileError(error, folder)}`);
  }
  for (const own of [folder, settingsFile(ctx.io.env)]) narrowToPrivate(own);
  return new Conf<Record<string, unknown>>({
    projectName: 'deskline',
    projectSuffix: '',
    cwd: folder,
    configName: 'config',
    configFileMode: 0o600,
  });
}

export function configCommand(ctx: Ctx): Command {
  const cmd = new Command('config').description('settings: your identity, categories, saved views, key bindings');
  cmd
    .command('get')
    .argument('<key>')
    .description('print one setting')
    .action((key: string) => {
      keySpec(key, ctx.io.env);
      const value =
        ctx.settings()[key] ??
        (key.includes('.')
          ? (ctx.settings()[key.split('.')[0]!] as Record<string, unknown> | undefined)?.[key.split('.').slice(1).join('.')]
          : undefined);
      if (value === undefined) fail(EXIT.notFound, `${key} is not set`);
      ctx.out(Array.isArray(value) ? value.join(',') : shown(key, value));
    });
  cmd
    .command('set')
    .argument('<key>')
    .argument('<value>')
    .description('change a setting')
    .addHelpText(
      'after',
      `\nKeys:\n${[...Object.entries(KEYS).map(([k, v]) => `  ${k.padEnd(24)} ${v.help}`), ...Object.entries(PREFIX_KEYS).map(([k, v]) => `  ${(k + '<…>').padEnd(24)} ${v}`), ...Object.entries(CHAT_PATTERN_HELP).map(([k, v]) => `  ${k.padEnd(24)} ${v}`)].join('\n')}\n\nExample:\n  deskline config set user.email ana@example.com`,
    )
    .action(async (key: string, value: string) => {
      const parsed = keySpec(key, ctx.io.env).parse(value);
      (await store(ctx)).set(key, parsed);
      ctx.out(`${key} = ${Array.isArray(parsed) ? parsed.join(',') : String(parsed)}`);
    });
  cmd
    .command('unset')
    .argument('<key>')
    .description('remove a setting')
    .action(async (key: string) => {
      keySpec(key, ctx.io.env);
      (await store(ctx)).delete(key);
      ctx.out(`${key} removed`);
    });
  cmd
    .command('list')
    .option('--json', 'print JSON')
    .description('print every setting')
    .action((flags: { json?: boolean }) => {
      const settings = Object.fromEntries(Object.entries(ctx.settings()).map(([k, v]) => [k, k === 'db.url' ? shown(k, v) : v]));
      if (flags.json) return ctx.json({ settings });
      for (const [k, v] of Object.entries(settings)) ctx.out(`${k} = ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    });
  cmd
    .command('path')
    .description('print the settings file path')
    .action(() => ctx.out(settingsFile(ctx.io.env)));
  return cmd;
}

/** A setting as printed: a server URL written into the file by hand loses its password here. */
const shown = (key: string, value: unknown) => (key === 'db.url' ? shownTarget(String(value)) : String(value));
