import { describe, expect, it } from 'vitest';
import { getTicket } from '../../src/store/ticket-view.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const CTRL_S = '\x13';

describe('console: fast typing', () => {
  it('saves a resolution when its text and Ctrl+S arrive in one read', async () => {
    const d = await tempDb();
    await addTickets(d, [{ title: 'Outlook asks for the password', assignee: 'me' }]);
    const tui = renderTui(await consoleElement(d), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Outlook asks'));
    tui.type('R');
    await tui.waitForFrame((f) => f.includes('Resolve HD-1'));
    tui.type(`Removed stale credentials.${CTRL_S}`);
    await tui.waitForFrame((f) => f.includes('HD-1 resolved'));
    expect((await getTicket(d.db, 1)).resolution).toBe('Removed stale credentials.');
  });
});
