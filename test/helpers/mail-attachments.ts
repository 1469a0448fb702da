/** A desk where a ticket has an attachment that came with a reply email and one attached by hand (through the CLI). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';
import { tempDir } from './temp.js';

const OPENING = `From: Bo Chen <bo.chen@example.com>
To: help@example.com
Subject: Dock does not wake the screen
Message-ID: <open-1@example.com>
Date: Mon, 02 Mar 2026 09:00:00 +0000
Content-Type: text/plain; charset=utf-8

The dock on desk 4 never wakes the screen.
`;

const REPLY = `From: Bo Chen <bo.chen@example.com>
To: help@example.com
Subject: Re: [HD-1] Dock does not wake the screen
Message-ID: <reply-1@example.com>
In-Reply-To: <open-1@example.com>
Date: Mon, 02 Mar 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8

Here is the firmware log you asked for.
--b1
Content-Type: text/plain; name="dock-log.txt"
Content-Disposition: attachment; filename="dock-log.txt"

firmware 1.2.3 wake failed
--b1--
`;

/** HD-1 from one email, a reply carrying dock-log.txt, then photo.txt attached with `ticket attach`. */
export async function ticketWithMailAttachment(env: Record<string, string>): Promise<void> {
  const dir = tempDir();
  writeFileSync(join(dir, '1-open.eml'), OPENING);
  writeFileSync(join(dir, '2-reply.eml'), REPLY);
  writeFileSync(join(dir, 'photo.txt'), 'a photo of the dock');
  const imported = await runCli(['import', 'eml', join(dir, '1-open.eml'), join(dir, '2-reply.eml')], { env });
  expect(imported.stderr).toBe('');
  expect((await runCli(['ticket', 'attach', 'HD-1', join(dir, 'photo.txt')], { env })).code).toBe(0);
}
