/** The console's `C`: a remote session to the selected ticket's asset, run as a real process and logged. */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFile } from '../../src/paths.js';
import { linkAsset } from '../../src/store/asset-links.js';
import { addAsset } from '../../src/store/assets.js';
import { timeline } from '../../src/store/interactions.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb, tempEnv } from '../helpers/temp.js';
import { addTickets, consoleElement, me } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe('console: remote session', () => {
  it('C runs the client for the linked asset and logs the session; a ticket without one says so', async () => {
    const d = await tempDb();
    const env = tempEnv();
    const program = join(env.HOME!, 'fake-ssh');
    const args = join(env.HOME!, 'args');
    writeFileSync(program, `#!/bin/sh\nprintf '%s\\n' "$@" > "${args}"\n`);
    chmodSync(program, 0o755);
    mkdirSync(dirname(settingsFile(env)), { recursive: true });
    writeFileSync(settingsFile(env), JSON.stringify({ remote: { ssh: [program, '{host}'] } }));
    await addTickets(d, [{ title: 'Server disk full' }, { title: 'Printer offline' }]);
    const actor = await me(d);
    await addAsset(d.db, { tag: 'SRV-7', type: 'other', hostname: 'srv-7.corp.example', protocol: 'ssh' }, actor);
    await linkAsset(d.db, 1, 'SRV-7', actor);

    const tui = renderTui(await consoleElement(d, { env }), { columns: 100, rows: 30 });
    await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
    tui.type('2');
    await tui.waitForFrame((f) => selectedLine(f).includes('Server disk full'));
    tui.type('C');
    await tui.waitForFrame((f) => f.includes('session to SRV-7: 1 min logged on HD-1'));
    expect(readFileSync(args, 'utf8')).toBe('srv-7.corp.example\n');
    expect((await timeline(d.db, 1)).filter((e) => e.kind === 'remote').map((e) => e.minutes)).toEqual([1]);

    tui.type('j');
    await tui.waitForFrame((f) => selectedLine(f).includes('Printer offline'));
    tui.type('C');
    await tui.waitForFrame((f) => f.includes('HD-2 has no asset with a hostname and protocol to connect to'));
  });
});
