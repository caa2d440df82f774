// A readable HTML rendering of a plain-text article (the seed article for `npm start`).
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function articleToHtml(text: string): string {
  const [title = 'Article', ...paragraphs] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const body = paragraphs.map((p) => `    <p>${escapeHtml(p)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #1d1d1f; background: #fdfdfb; margin: 0; }
    main { max-width: 680px; margin: 0 auto; padding: 32px 20px 64px; }
    h1 { font: 700 32px/1.2 system-ui, sans-serif; margin: 0 0 24px; }
  </style>
</head>
<body>
  <main>
    <article>
    <h1>${escapeHtml(title)}</h1>
${body}
    </article>
  </main>
</body>
</html>
`;
}
