// The list the background fetches from the package, read here from the source tree.
import { readFile } from 'node:fs/promises';
import { setSuffixRulesSource } from '../../src/core/web/site';

setSuffixRulesSource(() => readFile(new URL('../../src/data/public-suffixes/rules.txt', import.meta.url), 'utf8'));
