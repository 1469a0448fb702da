/** `ticket show` lists an attachment under the timeline entry it came with; ticket-level ones stay in the list, numbered as `attachment save` takes them. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ticketWithMailAttachment } from '../helpers/mail-attachments.js';
import { tempEnv } from '../helpers/temp.js';

describe('ticket show: attachments per timeline entry', () => {
  it('shows the reply email’s attachment under that email, the hand-attached one in the list', async () => {
    const env = tempEnv();
    await ticketWithMailAttachment(env);
    const show = await runCli(['ticket', 'show', 'HD-1'], { env });
    expect(show.code).toBe(0);
    const timeline = show.stdout.slice(show.stdout.indexOf('Timeline ('), show.stdout.indexOf('\nAttachments ('));
    expect(timeline).toMatch(/email_in .*\n {4}Here is the firmware log you asked for\.\n {4}1\. dock-log\.txt {2}26 B /);
    const list = show.stdout.slice(show.stdout.indexOf('\nAttachments ('));
    expect(list).toMatch(/^\nAttachments \(2\) .*\n {2}1 shown with their timeline entry above\n {2}2\. photo\.txt {2}19 B /);
    expect(list).not.toContain('dock-log.txt');

    const json = JSON.parse((await runCli(['ticket', 'show', 'HD-1', '--json'], { env })).stdout) as {
      attachments: { n: number; name: string; entry: number | null }[];
    };
    expect(json.attachments.map((a) => [a.n, a.name, a.entry])).toEqual([
      [1, 'dock-log.txt', 1],
      [2, 'photo.txt', null],
    ]);
    const saved = await runCli(['ticket', 'attachment', 'list', 'HD-1'], { env });
    expect(saved.stdout).toMatch(/1\. dock-log\.txt[\s\S]*2\. photo\.txt/);
  });
});
