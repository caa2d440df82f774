// The tint of each note colour: one table for the page's note highlights and the note form's
// swatches in its extension frame, so the swatch the reader picks is the colour the page shows.
import type { Colour } from '../core/annotations/model';

export const NOTE_TINTS: Record<Colour, string> = {
  yellow: 'rgba(250, 204, 21, 0.45)',
  green: 'rgba(74, 222, 128, 0.40)',
  blue: 'rgba(96, 165, 250, 0.40)',
  pink: 'rgba(244, 114, 182, 0.40)',
  purple: 'rgba(192, 132, 252, 0.40)',
};
