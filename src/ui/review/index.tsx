// Entry of review/review.js (loaded by review.html; extension CSP allows no inline script).
import { render } from 'preact';
import { Review } from './Review';

const app = document.getElementById('app');
if (app) render(<Review />, app);
