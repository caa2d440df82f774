import { it } from 'vitest';
import { launchWithExtension, serve } from './harness';
it('probe', async () => {
  const b = await launchWithExtension();
  const parts: string[] = [];
  for (let i = 0; i < 20000; i++) parts.push(`<p>${Array.from({length:10},(_,k)=> i%100===0&&k===5?'Vladimir Putin':'word'+k).map(w=>`<span>${w}</span>`).join(' ')}</p>`);
  const server = await serve({ pages: { '/n.html': `<!doctype html><body>${parts.join('\n')}</body>` } });
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(server.url('/n.html'));
  const t0 = Date.now();
  for (let i = 0; i < 6; i++) {
    await page.waitForTimeout(2000);
    const { metrics } = await cdp.send('Performance.getMetrics') as any;
    const m = Object.fromEntries(metrics.map((x: any) => [x.name, x.value]));
    const n = await page.evaluate(() => CSS.highlights.get('dossier-person')?.size ?? 0);
    console.log(Date.now()-t0, n, 'script', m.ScriptDuration.toFixed(2), 'style', m.RecalcStyleDuration.toFixed(2), 'layout', m.LayoutDuration.toFixed(2), 'task', m.TaskDuration.toFixed(2), 'styleCount', m.RecalcStyleCount, 'layoutCount', m.LayoutCount);
  }
  await b.close(); await server.close();
}, 120000);
