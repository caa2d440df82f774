// Which quotes of an article the harvest sends to the dossier (src/content/harvest/select-quotes.ts):
// by a known speaker, naming a known entity, or said by a role for a known organisation, which
// is then that organisation's quote, the role named as its speaker ("By Kremlin": "— A Kremlin spokesman").
import { describe, expect, it } from 'vitest';
import { selectQuotes } from '../../src/content/harvest/select-quotes';
import { createMatcher } from '../../src/core/matching/matcher';
import { SEED } from '../../src/data/seed';

const select = (text: string) => selectQuotes(text, SEED, createMatcher(SEED)).map((q) => ({ text: q.text, speakerName: q.speakerName, speakerId: q.speakerId, speakerIsRole: q.speakerIsRole, mentions: q.mentions }));

describe('the quotes the harvest keeps', () => {
  it("keeps a role's quote as the organisation's it speaks for, the role as its speaker", () => {
    expect(select('Vladimir Putin arrived in Beijing on Thursday. A Kremlin spokesman said: “The talks went well.”')).toEqual([
      { text: 'The talks went well', speakerName: 'A Kremlin spokesman', speakerId: 'kremlin', speakerIsRole: true, mentions: [] },
    ]);
  });

  it('keeps a named speaker as before: no role', () => {
    expect(select('Vladimir Putin arrived in Beijing on Thursday. Putin told reporters: “The talks went well.”')).toEqual([
      { text: 'The talks went well', speakerName: 'Putin', speakerId: 'vladimir-putin', speakerIsRole: undefined, mentions: [] },
    ]);
  });

  it('leaves out a role that speaks for no one the dossier knows, as before', () => {
    expect(select('Vladimir Putin arrived in Beijing on Thursday. A company spokesman said: “The talks went well.”')).toEqual([]);
  });
});
