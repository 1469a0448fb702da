/**
 * The detail pane lists an attachment under the timeline entry it came with (a reply email's file),
 * and keeps ticket-level ones (attached by hand) in its Attachments section, numbered as
 * `ticket attachment save` numbers them.
 */
import { describe, expect, it } from 'vitest';
import { ticketWithMailAttachment } from '../helpers/mail-attachments.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb, tempEnv } from '../helpers/temp.js';
import { consoleElement } from './seed.js';

describe('console: attachments in the detail pane', () => {
  it('shows the reply email’s file under that entry and the hand-attached one in the list', async () => {
    const d = await tempDb();
    await ticketWithMailAttachment(tempEnv({ DESKLINE_DB: d.path }));
    const tui = renderTui(await consoleElement(d), { columns: 160, rows: 48 });
    await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
    tui.type('2');
    await tui.waitForFrame((f) => f.includes('Dock does not wake') && f.includes('── Attachments (2) ──'));
    const frame = tui.lastFrame();
    const lines = frame.split('\n');
    const reply = lines.findIndex((l) => l.includes('Here is the firmware log'));
    const section = lines.findIndex((l) => l.includes('── Attachments (2) ──'));
    expect(reply).toBeGreaterThan(0);
    expect(lines[reply + 1]).toContain('attached 1. dock-log.txt  26 B');
    expect(lines[section + 1]).toContain('1 with their timeline entry above');
    expect(lines[section + 2]).toContain('2. photo.txt  19 B');
    expect(lines.slice(section).join('\n')).not.toContain('dock-log.txt');
  });
});
