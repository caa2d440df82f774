// Whether any annotation is kept on a frame's origin (issue 14): the first stage's one question
// says so, and only then does a page naming nobody ask for its own annotations. Annotations are
// keyed by normalised URL (src/core/web/url.ts), whose href starts with the origin and a slash; a
// page's canonical may move its key only within that origin.
import type { DossierDB } from './open';

export async function hasAnnotationsOnOrigin(db: DossierDB, frameUrl: string): Promise<boolean> {
  let origin: string;
  try {
    origin = new URL(frameUrl).origin;
  } catch {
    return true; // no address to judge by: let the page ask, as before
  }
  if (origin === 'null') return true;
  const range = IDBKeyRange.bound(`${origin}/`, `${origin}/\uffff`);
  return (await db.countFromIndex('annotations', 'byUrl', range)) > 0;
}
