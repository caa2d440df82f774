// `npm start` is the README's first command: on a machine with no display it must run Dossier on
// the seed article headless, save a screenshot and print what it found. It broke once without any
// test noticing (it waited for highlights named `dossier-*`, which became random per page), so
// the real command runs here, as a newcomer would run it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIP_REASON } from './harness';

if (SKIP_REASON) console.warn(`npm-start.test.ts: ${SKIP_REASON}`);

const root = resolve(__dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'dossier-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function runStart(screenshot: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  // No display: the headless path, whatever the machine running the tests has.
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return new Promise((done) => {
    execFile('node', ['src/cli/dossier.mjs', 'start', '--screenshot', screenshot], { cwd: root, env, timeout: 120_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.skipIf(SKIP_REASON !== null)('npm start on a machine with no display', () => {
  it('highlights the seed article, saves a screenshot and prints the people, organisations, places and claims it found', async () => {
    const screenshot = join(scratch, 'demo.png');
    const run = await runStart(screenshot);
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Dossier on http:\/\/127\.0\.0\.1:\d+\/: \d+ entities and claims found/);
    const section = (title: string) => run.stdout.split(/\n\n/).find((block) => block.startsWith(title)) ?? '';
    expect(section('People')).toContain('Vladimir Putin');
    expect(section('People')).toContain('Xi Jinping');
    expect(section('Places')).toContain('China');
    // Claims are judged after the names are shown; the list waits for them.
    expect(section('Claims')).toContain('Putin arrived in China for a two-day state visit.');
    expect(run.stdout).toContain(`screenshot: ${screenshot}`);
    const png = readFileSync(screenshot);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
  }, 150_000);
});
