// Entry of options/options.js (loaded by options.html; extension CSP allows no inline script).
import { render } from 'preact';
import { Options } from './Options';

const app = document.getElementById('app');
if (app) render(<Options />, app);
