// The map's corner credit: the one sources line (i18n/sources.ts) in MapLibre's AttributionControl. The control
// writes its `customAttribution` as HTML, and the line carries text from files (an imported file's name, a boundary
// layer's credit): every character that HTML would read is escaped, so the line is shown as text, never markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as HTML that displays exactly that text. */
export function attributionHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
