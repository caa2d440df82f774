// `dossier start --firefox` (`npm run start:firefox`): the same demo page as `npm start`, opened in
// Firefox with dist/firefox loaded as a temporary add-on through Mozilla's `web-ext run`. Where
// there is no Firefox it says so and exits non-zero, rather than letting web-ext fail obscurely.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../errors';
import { servePages } from './serve';
import { demoPage } from './start';

/** Runs a command to its end with the terminal attached; resolves with its exit code. */
export type Runner = (command: string, args: readonly string[]) => Promise<number>;

export interface FirefoxStartOptions {
  root: string;
  /** The built Firefox add-on; dist/firefox unless a test points elsewhere. */
  extensionDir?: string;
  env?: NodeJS.ProcessEnv;
  run?: Runner;
  /** Where progress lines go (stdout in the CLI). */
  log?: (line: string) => void;
}

export const NO_FIREFOX =
  'no Firefox found: set FIREFOX_PATH to a Firefox binary, or install Firefox (Debian: apt-get install firefox-esr). ' +
  '`npm start` runs the same demo in Chromium.';

/** `FIREFOX_PATH` if it names a file, else the first Firefox on the PATH. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.FIREFOX_PATH) return existsSync(env.FIREFOX_PATH) ? env.FIREFOX_PATH : undefined;
  for (const name of ['firefox', 'firefox-esr']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (path) return path;
    } catch {
      // not on the PATH; try the next name
    }
  }
  return undefined;
}

export function webExtArgs(extensionDir: string, url: string, firefox: string): string[] {
  return ['run', '--source-dir', extensionDir, '--start-url', url, '--firefox', firefox];
}

/** web-ext from the project's own dependencies: `npx` could fetch one from the network. */
function webExtBinary(root: string): string {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext');
  if (!existsSync(bin)) throw new CliError('web-ext is missing: run `npm install` first');
  return bin;
}

const runAttached: Runner = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });

export async function startFirefox(opts: FirefoxStartOptions): Promise<string> {
  const env = opts.env ?? process.env;
  const extensionDir = opts.extensionDir ?? join(opts.root, 'dist', 'firefox');
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new CliError('dist/firefox is missing: run `npm run build` first');
  if (env.FIREFOX_PATH && !existsSync(env.FIREFOX_PATH)) throw new CliError(`FIREFOX_PATH is set to ${env.FIREFOX_PATH}, which does not exist`);
  const firefox = findFirefox(env);
  if (!firefox) throw new CliError(NO_FIREFOX);
  const run = opts.run ?? runAttached;
  const command = opts.run ? 'web-ext' : webExtBinary(opts.root);
  const pages = await servePages({ '/': () => demoPage(opts.root) });
  const url = pages.url('/');
  try {
    (opts.log ?? ((line) => process.stdout.write(`${line}\n`)))(`Dossier in Firefox (${firefox}) on ${url}: close Firefox or press Ctrl+C to stop.`);
    const code = await run(command, webExtArgs(extensionDir, url, firefox));
    if (code !== 0) throw new CliError(`web-ext run exited with code ${code}`, code);
    return 'Firefox closed';
  } finally {
    await pages.close();
  }
}
