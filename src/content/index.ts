// Content script entry: every http(s) page and frame, at document idle.
import { ContentApp } from './content-app';

void new ContentApp().start();
