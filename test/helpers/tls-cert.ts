/**
 * A self-signed certificate for 127.0.0.1 (openssl, P-256, valid one day) in a 0700 temp folder:
 * what a desk's private mail server presents. Its own file is the CA a client must be given.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from './temp.js';

export function selfSignedCert(): { cert: string; key: string } {
  const dir = tempDir();
  const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'].concat([
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl req failed: ${made.stderr}`);
  return { cert, key };
}
