// The file the restore benches restore: the seed's own backup (`__lastBackup`, a backup's text)
// plus quotes, annotations and sightings in equal shares by size, so every store's restore path is
// in the figure (quotes carry their counters and card keys). It is left in `__file`. One function
// for the browser bench (restore.bench.ts hands its source to the options page, so it names nothing
// outside itself) and the Node one (backup-check.bench.ts).
export function growLastBackup(target: number): { bytes: number; quotes: number; annotations: number; sightings: number } {
  const w = globalThis as unknown as { __lastBackup: string; __file?: string };
  const base = JSON.parse(w.__lastBackup) as { entities: { id: string }[]; quotes: Record<string, unknown>[]; annotations: unknown[]; sightings: unknown[] };
  const ids = base.entities.map((e) => e.id);
  const template = base.quotes[0]!;
  const words = 'the minister said talks on trade and security would continue next week while officials in the capital waited for rain'.split(' ');
  const sentence = (i: number, n: number) => Array.from({ length: n }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ');
  const quote = (i: number) => ({
    ...template,
    id: `bench-quote-${i}`,
    text: `${sentence(i, 30)} (${i}).`,
    speaker: ids[i % ids.length],
    mentions: [ids[(i * 7) % ids.length], ids[(i * 13) % ids.length]].filter((id, k, all) => all.indexOf(id) === k),
    origin: 'user',
    sources: [{ url: `https://news.example/quotes/${i}`, title: `Story ${i}`, outlet: 'News Example', date: '2024-05-16' }],
  });
  const annotation = (i: number) => {
    const url = `https://news.example/notes/${i}`;
    const exact = sentence(i, 8);
    return {
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      url,
      title: `Story ${i}`,
      created: '2024-05-16T10:00:00.000Z',
      modified: '2024-05-16T10:00:00.000Z',
      target: { source: url, selector: [{ type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' }, { type: 'TextPositionSelector', start: 7, end: 7 + exact.length }] },
      body: { tags: ['bench'], colour: 'yellow', note: sentence(i + 1, 20) },
      entities: [ids[i % ids.length]],
      orphan: false,
    };
  };
  const sighting = (i: number) => ({ entityId: ids[i % ids.length], url: `https://news.example/${'story-'.repeat(10)}${i}`, title: `Story ${i}`, time: 1_717_243_200_000 + i, count: 1 + (i % 9) });
  const encoder = new TextEncoder();
  const size = (value: unknown) => encoder.encode(JSON.stringify(value)).length;
  const baseBytes = size(base);
  const third = (target - baseBytes) / 3;
  // Whole records by thirds of the room (in UTF-8 bytes: the seed's provenance is not all ASCII), sightings filling the rest.
  const fill = <T,>(make: (i: number) => T, room: number): T[] => {
    const out: T[] = [];
    for (let used = 0, i = 0; used + size(make(i)) + 1 <= room; i++) {
      const record = make(i);
      used += size(record) + 1;
      out.push(record);
    }
    return out;
  };
  base.quotes = [...base.quotes, ...fill(quote, third)];
  base.annotations = [...base.annotations, ...fill(annotation, third)];
  const room = target - size(base);
  base.sightings = [...base.sightings, ...fill(sighting, room)];
  w.__file = JSON.stringify(base);
  return { bytes: encoder.encode(w.__file).length, quotes: base.quotes.length, annotations: base.annotations.length, sightings: base.sightings.length };
}
