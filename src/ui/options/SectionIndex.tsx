// A table of contents for a long page: each link jumps to its section's heading.
const SECTIONS: readonly (readonly [id: string, title: string])[] = [
  ['entities', 'Entity list'],
  ['annotations', 'Annotations'],
  ['sites', 'Sites where Dossier is off'],
  ['history', 'Reading history'],
  ['colours', 'Highlight colours'],
  ['shortcuts', 'Keyboard shortcuts'],
  ['backup', 'Backup and restore'],
  ['diagnostics', 'Diagnostics'],
  ['about', 'About and privacy'],
];

export function SectionIndex() {
  return (
    <nav class="section-index" aria-label="Sections">
      <ul>
        {SECTIONS.map(([id, title]) => (
          <li key={id}><a href={`#${id}`}>{title}</a></li>
        ))}
      </ul>
    </nav>
  );
}
