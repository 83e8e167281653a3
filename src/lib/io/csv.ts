// CSV in and out. Delimiter is detected (comma, semicolon as Excel writes in ru/kk locales, or tab).
import Papa from 'papaparse';

export interface Table {
  columns: string[];
  /** Each row with the 1-based line number it starts on in the file (the header is line 1). */
  rows: { line: number; cells: Record<string, string> }[];
}

/** The header line decides the delimiter (data lines may hold decimal commas). */
function detectDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (d: string) => header.split(d).length - 1;
  return [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

export function parseCsv(text: string): Table {
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: false, delimiter: detectDelimiter(clean) });
  const data = result.data;
  if (!data.length) return { columns: [], rows: [] };
  const columns = data[0].map((c) => c.trim());
  const rows: Table['rows'] = [];
  // Papa reports no per-row line numbers; count the newlines inside quoted cells ourselves.
  let line = 2 + (data[0].join('').match(/\n/g)?.length ?? 0);
  for (let r = 1; r < data.length; r++) {
    const raw = data[r];
    const extra = raw.join('').match(/\n/g)?.length ?? 0;
    if (!(raw.length === 1 && raw[0].trim() === '')) {
      const cells: Record<string, string> = {};
      columns.forEach((c, i) => (cells[c] = (raw[i] ?? '').trim()));
      rows.push({ line, cells });
    }
    line += 1 + extra;
  }
  return { columns, rows };
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function writeCsv(columns: string[], rows: Record<string, unknown>[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => quote(r[c])).join(','))].join('\n') + '\n';
}
