/** Test data for console tests, written through the store (never SQL). */
import { createElement } from 'react';
import { openDesk, type Desk } from '../../src/store/desk.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import type { Actor } from '../../src/store/executor.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTickets } from '../../src/store/tickets.js';
import { ConsoleApp, type ConsoleProps } from '../../src/tui/app.js';
import { applyRemaps, DEFAULT_KEYMAP, viewBindings } from '../../src/tui/keys/keymap.js';
import { allViews } from '../../src/tui/state/views.js';

export const ME = { name: 'Tess Tester', email: 'tess@example.com', tier: 'L1' };
export const OTHER = { name: 'Olga Other', email: 'olga@example.com', tier: 'L2' };

export async function me(desk: Desk): Promise<Actor> {
  return ensureTechnician(desk.db, ME);
}

export async function addTickets(desk: Desk, raws: Record<string, unknown>[], now = Date.now()): Promise<void> {
  const actor = await me(desk);
  await ensureTechnician(desk.db, OTHER);
  await createTickets(
    desk.db,
    raws.map((r) => validateTicketInput(r)),
    actor,
    now,
  );
}

/** `n` tickets titled `Ticket 1` … `Ticket n`, all normal priority, unassigned unless told. */
export async function manyTickets(desk: Desk, n: number, extra: Record<string, unknown> = {}): Promise<void> {
  const raws = Array.from({ length: n }, (_, i) => ({ title: `Ticket ${i + 1}`, ...extra }));
  for (let i = 0; i < raws.length; i += 500) await addTickets(desk, raws.slice(i, i + 500));
}

/** A second connection to the same file, as another process would have. */
export async function secondConnection(desk: Desk): Promise<Desk> {
  return openDesk(desk.path);
}

type Options = Partial<ConsoleProps> & { saved?: Record<string, string>; remaps?: Record<string, string> };

/** What main.ts hands the console, for a test desk: saved views and key remaps as the settings would give them. */
export async function consoleProps(desk: Desk, props: Options = {}): Promise<ConsoleProps> {
  const views = allViews(props.saved);
  const keymap = applyRemaps([...viewBindings(views), ...DEFAULT_KEYMAP], props.remaps);
  return { desk, me: await me(desk), views, keymap, dbName: 'desk.db', color: false, pollMs: 50, ...props };
}

export async function consoleElement(desk: Desk, props: Options = {}) {
  return createElement(ConsoleApp, await consoleProps(desk, props));
}
