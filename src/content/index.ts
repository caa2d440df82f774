// Content script entry: every http(s) page and frame, at document idle. Only the first stage
// (src/content/first-stage/): the rest is a chunk it loads where the page names someone.
// First, before anything looks at `globalThis.browser`.
import './guard-globals';
import { startFirstStage } from './first-stage/loader';

startFirstStage();
