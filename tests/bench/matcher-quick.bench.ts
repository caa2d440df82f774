// A quick look at the matcher's rate at 1,000 and 10,000 aliases (issue 6, part 1), for working on
// the automaton without the full 164 s matcher bench: ours only, same inputs and timing as
// matcher.bench.ts. Run with `node tests/bench/run.mjs matcher-quick`.
import { ours, oursAutomaton } from './lib/contenders';
import { corpusPages, visibleText } from './lib/corpus';
import { benchAliases, syntheticText } from './lib/names';
import { formatNumber, table, timeIt, utf8Mb } from './lib/stats';

const SIZES = [1_000, 10_000];
const pages = corpusPages();
const visible = pages.map(visibleText).join('\n\n');
const raw = pages.map((p) => p.html).join('\n');
const rows: (string | number)[][] = [];
for (const size of SIZES) {
  const aliases = benchAliases(size);
  const inputs = [visible, raw, syntheticText(aliases, 3_000_000)].filter((text) => text.length > 0);
  for (const contender of [ours, oursAutomaton]) {
    const started = performance.now();
    const built = contender.build(aliases);
    const buildMs = performance.now() - started;
    const cells = inputs.map((text) => {
      let count = 0;
      const timing = timeIt(() => (count = built.find(text).length));
      return `${formatNumber(utf8Mb(text) / (timing.medianMs / 1000))} (${count})`;
    });
    rows.push([size, contender.name, ...cells, formatNumber(buildMs)]);
  }
}
console.log(table(['aliases', 'contender', 'corpus visible MB/s (hits)', 'corpus raw HTML', 'synthetic', 'build ms'], rows));
