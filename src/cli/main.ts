// The `dossier` command line: the same core as the extension, for batch use and tests.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SEED } from '../data/seed';
import type { EntityList } from '../core/types';
import { CliError } from './errors';
import { evaluate, formatEval } from './eval/eval';
import { nerEvalSection } from './ner/eval-ner';
import { corpusSpeakersSection } from './eval/eval-corpus-speakers';
import { claimEvalSection } from './claims/eval-section';
import { listsPeopleMakePart } from './eval/eval-case';
import { BLOCK_SEPARATOR } from '../core/text/block-separator';
import { readEntityList, readPageText } from './input';
import { evaluateExtraction, formatExtractionEval, listFindings } from './eval/eval-extract';
import { extractFile, formatExtract } from './extract';
import { formatScan, scanText } from './scan';
import { start } from './start/start';
import { startFirefox } from './start/start-firefox';
import { startSyncDemo } from './start/sync-demo';

const USAGE = `usage:
  dossier scan FILE [--json] [--entities LIST.json]   mentions and claim mentions in an HTML or text page
  dossier extract FILE [--json]                        what "Add this article" would propose: entities, quotes, claims
  dossier eval [--corpus DIR] [--json]                 matching and extraction quality against the corpus gold
  dossier start [--headless] [--screenshot FILE]       Chromium with Dossier on the seed article
  dossier start --firefox                              the same in Firefox, through web-ext run (FIREFOX_PATH)
  dossier start --sync                                 also a CouchDB-compatible server on 127.0.0.1:5984 to try sync
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
      firefox: { type: 'boolean' },
      sync: { type: 'boolean' },
    },
  });
  switch (command) {
    case 'scan': {
      if (positionals.length !== 1) throw new CliError(`scan takes one FILE\n${USAGE}`, 2);
      const file = positionals[0]!;
      const list = listFrom(values.entities);
      // Read as the content script reads a page, so the report lists what the extension highlights.
      const { text, html } = readPageText(file, BLOCK_SEPARATOR);
      const report = scanText(file, text, html, list);
      return values.json ? JSON.stringify(report, null, 2) : formatScan(report);
    }
    case 'extract': {
      if (positionals.length !== 1) throw new CliError(`extract takes one FILE\n${USAGE}`, 2);
      const review = extractFile(positionals[0]!);
      return values.json ? JSON.stringify(review, null, 2) : formatExtract(review);
    }
    case 'eval': {
      const corpus = resolve(values.corpus ?? process.env.DOSSIER_CORPUS ?? resolve(projectRoot, '../shared/corpus'));
      const matching = evaluate(corpus, listFrom(values.entities));
      // Extraction is scored against the bundled list, which was written by hand from the seed article.
      const seedArticle = readPageText(resolve(corpus, '../seed/article.txt')).text;
      const extraction = evaluateExtraction(seedArticle, SEED);
      if (values.json) return JSON.stringify({ matching, extraction }, null, 2);
      return [
        formatEval(matching),
        '',
        'Extraction on the seed article, against the bundled list:',
        formatExtractionEval(extraction),
        '',
        'What extraction finds on the gold corpus articles:',
        listFindings(corpus),
        '',
        corpusSpeakersSection(corpus),
        '',
        nerEvalSection(resolve(corpus, '../data/ner'), corpus),
        '',
        claimEvalSection(projectRoot),
        '',
        listsPeopleMakePart(corpus),
      ].join('\n');
    }
    case 'start':
      if (values.sync) console.log(await startSyncDemo());
      if (values.firefox) return startFirefox({ root: projectRoot });
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
