// `dossier start --firefox`: finds Firefox (FIREFOX_PATH, else the PATH), serves the demo page
// and hands it to `web-ext run`; where Firefox is absent it says how to get one and exits non-zero.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors';
import { NO_FIREFOX, findFirefox, startFirefox } from '../../src/cli/start/start-firefox';

const root = join(__dirname, '..', '..');
const launcher = join(root, 'src', 'cli', 'dossier.mjs');

/** A PATH with no Firefox on it, whatever the machine has installed. */
function emptyPath(): string {
  return mkdtempSync(join(tmpdir(), 'dossier-no-firefox-'));
}

/** A folder that looks like a built dist/firefox. */
function fakeExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-firefox-ext-'));
  writeFileSync(join(dir, 'manifest.json'), '{}');
  return dir;
}

/** An executable stand-in for Firefox on a PATH of its own. */
function pathWithFirefox(): { dir: string; binary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-firefox-bin-'));
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'firefox');
  writeFileSync(binary, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return { dir, binary };
}

describe('findFirefox', () => {
  it('takes FIREFOX_PATH when it exists, and nothing when it does not', () => {
    expect(findFirefox({ FIREFOX_PATH: process.execPath, PATH: emptyPath() })).toBe(process.execPath);
    expect(findFirefox({ FIREFOX_PATH: '/no/such/firefox', PATH: emptyPath() })).toBeUndefined();
  });

  it('looks on the PATH otherwise', () => {
    const { dir, binary } = pathWithFirefox();
    expect(findFirefox({ PATH: `${dir}:/usr/bin:/bin` })).toBe(binary);
    expect(findFirefox({ PATH: emptyPath() })).toBeUndefined();
  });
});

describe('startFirefox', () => {
  it('refuses with a clear message and a non-zero code where there is no Firefox', async () => {
    const error = await startFirefox({ root, extensionDir: fakeExtension(), env: { PATH: emptyPath() }, run: async () => 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(NO_FIREFOX);
    expect((error as CliError).exitCode).not.toBe(0);
  });

  it('names a FIREFOX_PATH that does not exist', async () => {
    const error = await startFirefox({ root, extensionDir: fakeExtension(), env: { FIREFOX_PATH: '/opt/ff/firefox', PATH: emptyPath() }, run: async () => 0 }).catch((e: unknown) => e);
    expect((error as CliError).message).toContain('/opt/ff/firefox');
  });

  it('runs web-ext on dist/firefox with the demo page served while it runs', async () => {
    const extensionDir = fakeExtension();
    const calls: { command: string; args: readonly string[]; page: string }[] = [];
    const logs: string[] = [];
    const result = await startFirefox({
      root,
      extensionDir,
      env: { FIREFOX_PATH: process.execPath, PATH: emptyPath() },
      log: (line) => logs.push(line),
      run: async (command, args) => {
        const url = args[args.indexOf('--start-url') + 1]!;
        calls.push({ command, args, page: await (await fetch(url)).text() });
        return 0;
      },
    });
    expect(result).toBe('Firefox closed');
    expect(calls).toHaveLength(1);
    const { args, page } = calls[0]!;
    expect(args.slice(0, 3)).toEqual(['run', '--source-dir', extensionDir]);
    expect(args[args.indexOf('--start-url') + 1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(args[args.indexOf('--firefox') + 1]).toBe(process.execPath);
    expect(page).toContain('<article>');
    expect(page).toMatch(/Putin/);
    expect(logs.join('\n')).toContain(process.execPath);
  });

  it('passes on a failing web-ext as a failing exit code', async () => {
    const error = await startFirefox({ root, extensionDir: fakeExtension(), env: { FIREFOX_PATH: process.execPath }, log: () => {}, run: async () => 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(3);
  });
});

describe('dossier start --firefox', () => {
  it('exits non-zero with the message where Firefox is absent', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: emptyPath() };
    delete env.FIREFOX_PATH;
    const r = spawnSync(process.execPath, [launcher, 'start', '--firefox'], { cwd: root, encoding: 'utf8', env, timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no Firefox found');
    expect(r.stderr).toContain('FIREFOX_PATH');
  }, 60_000);
});
