// RFC 4180 cells, made safe to open in a spreadsheet: page text and notes are untrusted, and a
// cell starting with "=" would run as a formula in Excel, LibreOffice or Sheets.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(defused) || defused !== defused.trim() ? `"${defused.replace(/"/g, '""')}"` : defused;
}

/** Rows joined with CRLF, as RFC 4180 has it, ending with a line break. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
