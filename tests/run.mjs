// `npm test` after the type check and build: the Node tier, then the real-browser tier, one after
// the other (on two cores, Chromium beside a full unit run starves both), and one closing line
// "N passed, N failed, N skipped" over both, which CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const extra = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let status = 0;

mkdirSync(join(root, 'test-results'), { recursive: true });
for (const project of ['unit', 'browser']) {
  const report = join(root, 'test-results', `vitest-${project}.json`);
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, '--passWithNoTests', ...extra],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) status = run.status ?? 1;
  if (!existsSync(report)) {
    // vitest died before it could report: count the tier as one failure rather than none.
    totals.failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load has no assertion results; it still is a failure.
  const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests + broken;
  if (run.status !== 0 && r.numFailedTests + broken === 0) {
    // Every test passed yet vitest failed the run: errors outside any test (an unhandled
    // rejection). Counted, so the closing line never says "0 failed" over a failing run.
    console.log(`${project} tier: vitest exited ${run.status} with no failed test (see its "Unhandled Errors" above); counted as one failure`);
    totals.failed++;
  }
  totals.skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(status !== 0 ? status : totals.failed > 0 ? 1 : 0);
