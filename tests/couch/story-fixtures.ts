// What the sync unit tests share: one CouchDB-compatible server per test file, and a note on one
// story's text.
import { afterAll, beforeAll } from 'vitest';
import { createAnnotation, type Annotation } from '../../src/core/annotations';
import { startCouchServer, type CouchServer } from './server';

export const STORY_PAGE = 'https://news.example/story';
export const STORY_TEXT = 'Russia launched a new offensive in the Kharkiv region. Xi Jinping welcomed Putin in Beijing.';

/** A note on `exact`, a phrase of STORY_TEXT. */
export function storyNote(id: string, exact: string, text: string, tags = ['war']): Annotation {
  const start = STORY_TEXT.indexOf(exact);
  if (start < 0) throw new Error(`"${exact}" is not in the story`);
  return createAnnotation({ pageUrl: STORY_PAGE, title: 'Story', text: STORY_TEXT, start, end: start + exact.length, id, now: new Date('2024-05-16T10:00:00Z'), tags, note: text });
}

/** Starts a server before the file's tests and closes it after them; the getter returns it. */
export function serverForThisFile(): () => CouchServer {
  let couch: CouchServer | undefined;
  beforeAll(async () => {
    couch = await startCouchServer();
  });
  afterAll(async () => {
    await couch?.close();
  });
  return () => {
    if (!couch) throw new Error('the server starts in beforeAll');
    return couch;
  };
}
