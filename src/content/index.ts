// Content script entry: every http(s) page and frame, at document idle.
// First, before webextension-polyfill looks at `globalThis.browser`.
import './guard-globals';
import { ContentApp } from './content-app';

void new ContentApp().start();
