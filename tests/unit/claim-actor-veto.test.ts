// The claims' "other actors" rule (src/core/claims/actor-veto.ts): a sentence that puts other states
// where the claim has its own never restates it; a reordered list of states, a passive, a capital
// for its country, or a state only inside a place name ("the Sea of Japan") changes no actor.
import { describe, expect, it } from 'vitest';
import { actorsChanged } from '../../src/core/claims/actor-veto';
import { analyze } from '../../src/core/claims/text';

const changed = (claim: string, sentence: string) => actorsChanged(analyze(claim), analyze(sentence));

describe('other actors in the claim’s place', () => {
  it('refuses another state for one of the claim’s, where it stands', () => {
    expect(changed('Moscow has diverted most of its energy exports to China.', 'Moscow has diverted most of its energy exports to Turkey.')).toBe(true);
    expect(changed('China has stepped up military activity around self-ruled Taiwan.', 'Japan has stepped up military activity around self-ruled Taiwan.')).toBe(true);
  });

  it('reads a state inside a place name as the place, so the state that leads instead is another actor', () => {
    // Japan is in the claim only as "the Sea of Japan", China also in "the East China Sea".
    expect(changed('Russia and China held naval drills over the Sea of Japan and the East China Sea.', 'Japan and China held naval drills over the Sea of Japan and the East China Sea.')).toBe(true);
  });

  it('refuses the same states in swapped roles', () => {
    expect(changed('Russia launched a new offensive in Ukraine’s Kharkiv region.', 'Ukraine launched a new offensive in Russia’s Kursk region.')).toBe(true);
    expect(changed('Russia buys high-tech components from Chinese companies.', 'China buys high-tech components from Russian companies.')).toBe(true);
  });

  it('keeps a restatement that reorders coordinated states, uses the passive, or names a capital', () => {
    expect(changed('Russia and China held joint war games over the Sea of Japan.', 'China and Russia held joint war games over the Sea of Japan.')).toBe(false);
    expect(changed('Russia invaded Ukraine in February 2022.', 'Ukraine was invaded by Russia in February 2022.')).toBe(false);
    expect(changed('China claims Taiwan as its own territory.', 'Beijing regards Taiwan as part of its own territory.')).toBe(false);
    expect(changed('Russia and China are veto-holding members of the UN Security Council, alongside the US, the UK and France.', 'The UK, France, Russia and China hold vetoes on the UN Security Council.')).toBe(false);
  });

  it('leaves to the model a sentence that only leaves a state out, or names none', () => {
    expect(changed('Putin and Xi declared a partnership between Russia and China days before the invasion of Ukraine.', 'Days before the invasion of Ukraine, Putin and Xi declared a partnership between their countries.')).toBe(false);
    expect(changed('Putin is 71.', 'The Russian leader is 71.')).toBe(false);
  });
});
