/**
 * Shell completion in real shells (issue 13 #15): bash, zsh and fish load the generated script and are
 * asked what they would offer. An option's value is skipped on the way to the subcommand, and values
 * are offered where they belong. `deskline` on PATH is the built binary (technicians come from the desk).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

type Shell = 'bash' | 'zsh' | 'fish';

/** Each shell's way to ask for completions of a command line (the last word is the one completed). */
const ASK: Record<Shell, (script: string, words: string[]) => [string, string[]]> = {
  bash: (script, words) => [
    'bash',
    [
      '-c',
      `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _deskline; printf '%s\\n' "\${COMPREPLY[@]}"`,
      '_',
      script,
      ...words,
    ],
  ],
  // compadd and _files exist only inside zsh's completion system: here they print what they are given (compadd, as zsh does, what starts with the word typed).
  zsh: (script, words) => [
    'zsh',
    [
      '-c',
      `compdef() { :; }; _files() { echo '<files>'; }; compadd() { shift; local w; for w in "$@"; do [[ $w == \${words[CURRENT]}* ]] && print -r -- $w; done; }; source "$1"; shift; words=("$@"); CURRENT=$#; _deskline`,
      '_',
      script,
      ...words,
    ],
  ],
  fish: (script, words) => [
    'fish',
    ['-c', `source $argv[1]; complete -C $argv[2] | string replace -r '\\t.*' ''`, script, words.join(' ')],
  ],
};

let env: Record<string, string>;
const scripts = {} as Record<Shell, string>;

function offered(shell: Shell, line: string): string[] {
  const words = line.split(' ');
  const [cmd, args] = ASK[shell](scripts[shell], words);
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean).sort();
}

const sorted = (words: string) => words.split(' ').sort();

describe.each<Shell>(['bash', 'zsh', 'fish'])('%s completion', (shell) => {
  // One desk for the shell's tests (tempEnv's folder lasts a single test).
  let home: string;
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'deskline-completion-'));
    env = tempEnv({
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      DESKLINE_DB: join(home, 'desk.db'),
    });
    const bin = join(env.HOME!, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'deskline'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'deskline'), 0o755);
    env.PATH = `${bin}:${env.PATH}`;
    expect((await runBin(['technician', 'add', 'Sam Okafor', '-e', 'sam@example.com'], { env })).code).toBe(0);
    const script = (await runBin(['completion', shell], { env })).stdout;
    scripts[shell] = join(env.HOME!, `completion.${shell}`);
    writeFileSync(scripts[shell], script);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('completes subcommands after an option that takes a value (--db x.db)', () => {
    const subs = sorted(
      'create list ls show update assign comment escalate resolve reopen attach attachment check uncheck verify asset suggest similar history link unlink merge parent redact followup',
    );
    expect(offered(shell, 'deskline --db x.db ticket ')).toEqual(subs);
    expect(offered(shell, 'deskline ticket ')).toEqual(subs);
    expect(offered(shell, 'deskline --db x.db t cr')).toEqual(['create']);
  });

  it('offers the values where a value belongs', () => {
    expect(offered(shell, 'deskline ticket create -p ')).toEqual(sorted('urgent high normal low'));
    expect(offered(shell, 'deskline ticket create -t Title --priority ')).toEqual(sorted('urgent high normal low'));
    expect(offered(shell, 'deskline ticket update HD-1 --status ')).toEqual(sorted('new open pending on_hold resolved closed'));
    expect(offered(shell, 'deskline ticket escalate HD-1 --to ')).toEqual(['L2', 'L3']);
    expect(offered(shell, 'deskline t create --assignee ')).toEqual(sorted('me none sam@example.com'));
    expect(offered(shell, 'deskline ticket assign HD-1 --to ')).toEqual(sorted('me none sam@example.com'));
    expect(offered(shell, 'deskline kb list --status ')).toEqual(['draft', 'published']);
  });

  it('offers options, not values, after a finished value', () => {
    const options = offered(shell, 'deskline ticket list --limit 5 --');
    expect(options).toContain('--json');
    expect(options).not.toContain('urgent');
  });
});
