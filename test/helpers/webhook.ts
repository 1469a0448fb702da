/**
 * A webhook receiver on loopback for chat tests: records every POST (path, content type, parsed
 * JSON body) and answers each with the next status of a script (200 once the script runs out; 0:
 * never answer, for timeouts).
 * Closed after the test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

export interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

export interface Webhook {
  url: string;
  received: Received[];
  /** The statuses the next requests get, in order. */
  answer(...statuses: number[]): void;
}

const open: Server[] = [];
afterEach(async () => {
  while (open.length) {
    const server = open.pop()!;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

export async function startWebhook(path = '/hooks/T000/B000/secret-token-xyz'): Promise<Webhook> {
  const received: Received[] = [];
  const script: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        /* kept as text */
      }
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body });
      const status = script.shift() ?? 200;
      if (status === 0) return;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status === 200 ? 'ok' : status === 400 ? 'invalid_payload' : 'server_error');
    });
  });
  open.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${path}`, received, answer: (...s) => script.push(...s) };
}
