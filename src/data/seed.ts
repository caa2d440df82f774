// The bundled entity list, built by hand from the seed article (Al Jazeera, 16 May 2024):
// the starting dossier the background loads on first run.
import type { EntityList } from '../core/types';
import { SEED_CLAIMS } from './seed-claims';
import { SEED_DISTINCT } from './seed-distinct';
import { SEED_ENTITIES } from './seed-entities';
import { SEED_QUOTES } from './seed-quotes';

export const SEED: EntityList = {
  version: 1,
  entities: SEED_ENTITIES,
  claims: SEED_CLAIMS,
  quotes: SEED_QUOTES,
  distinct: SEED_DISTINCT,
};
