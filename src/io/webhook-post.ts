/**
 * One JSON POST to a webhook over node:http(s), with a timeout on the whole exchange. No connection
 * is kept alive (`agent: false`): a CLI run ends as soon as the answer is in, instead of waiting out
 * an idle socket as fetch's pool would. Redirects are not followed. The answer's text is read up to
 * a few kilobytes (enough for an error message).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const MAX_ANSWER = 4096;

export interface WebhookAnswer {
  status: number;
  body: string;
}

export function postJson(url: URL, payload: unknown, timeoutMs: number): Promise<WebhookAnswer> {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': body.length },
    });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (text.length < MAX_ANSWER) text += chunk;
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: text.slice(0, MAX_ANSWER) });
      });
    });
    req.end(body);
  });
}
