// Entry of popup/popup.js (loaded by popup.html; extension CSP allows no inline script).
import { render } from 'preact';
import { Popup } from './Popup';

const app = document.getElementById('app');
if (app) render(<Popup />, app);
