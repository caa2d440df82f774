// Issue 11, item 5: the names Dossier puts in a page say nothing of Dossier, are valid where they
// go (CSS identifiers for ::highlight(), custom-element tags for hosts), are all different, and are
// the readable dossier-* names only once the Diagnostics switch asks for them.
import { describe, expect, it } from 'vitest';
import { READABLE_NAMES, pageNames, useReadableNames } from '../../src/content/highlight/page-names';

describe('page names', () => {
  it('are random, distinct, valid, and never say dossier', () => {
    const names = pageNames();
    const all = [...Object.values(names.highlight), ...Object.values(names.note), names.cardTag, names.annotateTag, names.styleId];
    expect(new Set(all).size).toBe(all.length);
    for (const name of all) expect(name).not.toMatch(/dossier/i);
    for (const name of [...Object.values(names.highlight), ...Object.values(names.note), names.styleId]) expect(name).toMatch(/^[a-z]{10}$/);
    for (const attribute of [names.markAttribute, names.noteAttribute]) expect(attribute).toMatch(/^data-[a-z]{10}$/);
    expect(names.markAttribute).not.toBe(names.noteAttribute);
    for (const tag of [names.cardTag, names.annotateTag]) expect(tag).toMatch(/^[a-z]{5}-[a-z]{6}$/);
    expect(pageNames()).toBe(names); // one set per page (per isolated world)
  });

  it('become the readable names with Diagnostics on', () => {
    useReadableNames();
    expect(pageNames()).toBe(READABLE_NAMES);
    expect(pageNames().highlight.person).toBe('dossier-person');
    expect(pageNames().cardTag).toBe('dossier-card');
  });
});
