// The smallest dossier the harvest and card tests need: Vladimir Putin, and quotes of his as a page
// sends them (shared by harvest-provenance, site-bounds and private-window).
import type { EntityList } from '../../src/core/types';
import type { HarvestedQuote } from '../../src/shared/messages';

export const provenance = { outlet: 'Seed News', title: 'Seed story', date: '2024-05-16', url: 'https://seed.example/story', sentence: 'S.' };
export const PUTIN = { id: 'vladimir-putin', name: 'Vladimir Putin', kind: 'person', aliases: [{ text: 'Putin' }], context: 'President of Russia', provenance } as const;

export const putinList: EntityList = { version: 1, entities: [{ ...PUTIN, aliases: [...PUTIN.aliases] }], claims: [], quotes: [], distinct: [] };

export const byPutin = (text: string): HarvestedQuote => ({ text, speakerId: 'vladimir-putin', speakerName: 'Vladimir Putin', sentence: `"${text}," Putin said.`, mentions: [] });
