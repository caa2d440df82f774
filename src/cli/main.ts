// The `dossier` command line: the same core as the extension, for batch use and tests.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SEED } from '../data/seed';
import type { EntityList } from '../core/types';
import { CliError } from './errors';
import { evaluate, formatEval } from './eval';
import { readEntityList, readPageText } from './input';
import { formatScan, scanText } from './scan';
import { start } from './start';

const USAGE = `usage:
  dossier scan FILE [--json] [--entities LIST.json]   mentions and claim mentions in an HTML or text page
  dossier eval [--corpus DIR] [--json]                 precision and recall against the corpus gold
  dossier start [--headless] [--screenshot FILE]       Chromium with Dossier on the seed article
  dossier help`;

/** The bundle lives in dist/cli/, two levels below the project root. */
const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function listFrom(path: string | undefined): EntityList {
  return path ? readEntityList(path) : SEED;
}

async function run(argv: string[]): Promise<string> {
  const [command, ...rest] = argv;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean', default: false },
      entities: { type: 'string' },
      corpus: { type: 'string' },
      headless: { type: 'boolean' },
      screenshot: { type: 'string' },
    },
  });
  switch (command) {
    case 'scan': {
      if (positionals.length !== 1) throw new CliError(`scan takes one FILE\n${USAGE}`, 2);
      const file = positionals[0]!;
      const list = listFrom(values.entities);
      const { text, html } = readPageText(file);
      const report = scanText(file, text, html, list);
      return values.json ? JSON.stringify(report, null, 2) : formatScan(report);
    }
    case 'eval': {
      const corpus = resolve(values.corpus ?? process.env.DOSSIER_CORPUS ?? resolve(projectRoot, '../shared/corpus'));
      const report = evaluate(corpus, listFrom(values.entities));
      return values.json ? JSON.stringify(report, null, 2) : formatEval(report);
    }
    case 'start':
      return start({ root: projectRoot, headless: values.headless, screenshot: values.screenshot });
    case undefined:
    case 'help':
    case '--help':
      return USAGE;
    default:
      throw new CliError(`unknown command "${command}"\n${USAGE}`, 2);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    process.stdout.write((await run(argv)) + '\n');
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`dossier: ${err.message}\n`);
      return err.exitCode;
    }
    // parseArgs reports unknown options with a code; those are usage errors, not crashes.
    const e = err as Error & { code?: string };
    if (e.code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`dossier: ${e.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`dossier: internal error: ${e.message ?? String(err)}\n`);
    return 70;
  }
}

process.exitCode = await main(process.argv.slice(2));
