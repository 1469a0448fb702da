/**
 * The throwaway dovecot.conf of the test server (./dovecot.ts): loopback only, maildir in the test's
 * folder, a static password, and with `tls` a certificate: STARTTLS required before a login on the
 * plain port, and an implicit-TLS (imaps) listener of its own.
 */
import { spawnSync } from 'node:child_process';

export const nobody = () => {
  const id = (flag: string) => Number(spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
};

/** Files of a certificate and its key; with them, plain IMAP needs STARTTLS before a login. */
export interface TlsFiles {
  cert: string;
  key: string;
}

export function config(dir: string, port: number, password: string, tls?: TlsFiles, tlsPort = 0): string {
  const ssl = tls ? `ssl = required\nssl_cert = <${tls.cert}\nssl_key = <${tls.key}` : 'ssl = no';
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
${ssl}
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
default_login_user = nobody
default_internal_user = nobody
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = static
  args = password=${password}
}
userdb {
  driver = static
  args = uid=nobody gid=${nobody().gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${tlsPort}
  }
  chroot =
}
service anvil {
  chroot =
}
`;
}
