import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { createAnnotation } from '../../src/core/annotations';
import { startCouchServer } from '../couch/server';
import { makeDevice, tick } from '../couch/devices';
it('debug', async () => {
  const couch = await startCouchServer();
  await couch.createTeam('t1', { writers: ['ana', 'ben'], password: 'pw' });
  const a = await makeDevice('a'); const b = await makeDevice('b');
  const TEXT = 'Russia launched a new offensive';
  await a.store.annotations.save(createAnnotation({ pageUrl: 'https://x.example/', title: 'T', text: TEXT, start: 0, end: 6, id: 'urn:uuid:1', now: new Date(), tags: [], note: 'hello' }), tick());
  console.log(JSON.stringify(await a.sync.configure({ server: couch.url, database: 't1', username: 'ana', password: 'pw', passphrase: 'passphrase1', history: false })));
  console.log(JSON.stringify(await b.sync.configure({ server: couch.url, database: 't1', username: 'ben', password: 'pw', passphrase: 'passphrase1', history: false })));
  console.log(couch.requests.join('\n'));
  console.log((await couch.rawDocuments('t1')).slice(0, 1500));
  await couch.close();
}, 60000);
