// CSV in and out. Reading: a single pass over the text into columns (one string array per column, no object per
// row), with the physical line each row starts on (quoted line breaks counted), and row-level problems as data:
// a field count that differs from the header's, a quote that is never closed (reading resumes on the line after
// the one where it opened), a last row cut short. The delimiter is detected from the header line (comma,
// semicolon as Excel writes in ru/kk locales, or tab). Writing: RFC 4180 quoting, OWASP formula neutralisation
// (a cell starting with = + - @ tab or CR gets a leading ' unless it is a number; the reader strips it back),
// optional Excel flavour (UTF-8 BOM, semicolons, decimal comma), produced in chunks for large exports.
import type { Problem } from './problems.ts';

export interface CsvTable {
  header: string[];
  /** columns[c][k]: the cell of header column c in accepted row k, trimmed. */
  columns: string[][];
  /** The physical line each accepted row starts on (header = line 1). */
  lines: number[];
  /** Rows rejected for their shape (field count, unclosed quote, cut short), one problem each. */
  problems: Problem[];
  delimiter: string;
  /** Non-empty data rows seen: accepted (lines.length) + rejected (problems.length). */
  rowsRead: number;
}

/** The header line decides the delimiter (data lines may hold decimal commas). */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n|\r|$/);
  const header = text.slice(0, end);
  const count = (d: string) => header.split(d).length - 1;
  return [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A leading ' added by a formula-safe writer before = + - @ tab CR is taken off again. */
export function stripFormulaGuard(cell: string): string {
  if (cell.charCodeAt(0) === 39 && cell.length > 1) {
    let k = 1;
    if (cell[1] === "'") k = 2; // a text that itself began with ' before one of these was written with ''
    const c = cell[k];
    if (c === '=' || c === '+' || c === '-' || c === '@' || c === '\t' || c === '\r') return cell.slice(1);
  }
  return cell;
}

const trim = (s: string) => {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(n - 1);
  return a <= 32 || b <= 32 || a === 0xa0 || b === 0xa0 || a === 0xfeff ? s.trim() : s;
};

/** Reads CSV text (already decoded) into columns. Never throws on malformed input. */
export function readCsv(text: string, delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''))): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const D = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  const fields: string[] = [];
  let quotedSpan = false; // the record had a quoted field spanning lines
  let badQuote = false; // a quote never closed, or closed and followed by text on a later line
  let badQuoteLine = 0;
  let badQuoteField = 0;
  let endedAtEof = false;
  let recordStart = 0;

  /** Reads one record into `fields`; returns the line it started on, or -1 at the end of the text. */
  const next = (): number => {
    fields.length = 0;
    quotedSpan = false;
    badQuote = false;
    if (i >= n) return -1;
    recordStart = i;
    const start = line;
    for (;;) {
      // one field
      if (text.charCodeAt(i) === QUOTE) {
        const open = i;
        const openLine = line;
        let value = '';
        let j = i + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(j, q + 1);
            j = q + 2;
            continue;
          }
          value += text.slice(j, q);
          j = q + 1;
          closed = true;
          break;
        }
        const after = closed ? text.charCodeAt(j) : NaN;
        const clean = closed && (j >= n || after === D || after === LF || after === CR);
        let breaks = 0;
        if (closed) for (let k = text.indexOf('\n', open); k >= 0 && k < j; k = text.indexOf('\n', k + 1)) breaks++;
        if (!closed || (!clean && breaks > 0)) {
          // Unclosed (or a stray quote that swallowed line breaks): resync at the line after the opening one.
          badQuote = true;
          badQuoteLine = openLine;
          badQuoteField = fields.length;
          const nl = text.indexOf('\n', open);
          i = nl < 0 ? n : nl + 1;
          line = openLine + 1;
          return start;
        }
        line += breaks;
        if (breaks > 0) quotedSpan = true;
        i = j;
        // Text after the closing quote on the same line ("abc"def): kept, as spreadsheet programs do.
        if (!clean) {
          let k = i;
          while (k < n) {
            const c = text.charCodeAt(k);
            if (c === D || c === LF || c === CR) break;
            k++;
          }
          value += text.slice(i, k);
          i = k;
        }
        fields.push(value);
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === D || c === LF || c === CR) break;
          k++;
        }
        fields.push(trim(text.slice(i, k)));
        i = k;
      }
      // after the field
      if (i >= n) {
        endedAtEof = true;
        return start;
      }
      const c = text.charCodeAt(i);
      if (c === D) {
        i++;
        if (i >= n) {
          fields.push('');
          endedAtEof = true;
          return start;
        }
        continue;
      }
      // line break
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 2;
      else i++;
      line++;
      return start;
    }
  };

  const empty = () => fields.every((f) => f === '');
  let headerLine = next();
  while (headerLine >= 0 && empty() && !badQuote) headerLine = next();
  const header = headerLine < 0 ? [] : fields.map((f) => trim(f));
  const width = header.length;
  /** Header name of field f; "#n" for a field beyond the header. */
  const nameOf = (f: number) => (f >= 0 && f < width && header[f] ? header[f] : `#${f + 1}`);
  const columns: string[][] = header.map(() => []);
  const lines: number[] = [];
  const problems: Problem[] = [];
  let rowsRead = 0;
  for (;;) {
    endedAtEof = false;
    const start = next();
    if (start < 0) break;
    if (badQuote) {
      rowsRead++;
      problems.push({ row: start, column: nameOf(badQuoteField), value: '', code: 'unbalanced_quote', params: { line: badQuoteLine }, severity: 'error' });
      continue;
    }
    if (empty()) continue;
    rowsRead++;
    let count = fields.length;
    // Trailing empty fields (Excel's "a;b;;;") beyond the header are not an error.
    while (count > width && fields[count - 1] === '') count--;
    if (count !== width && quotedSpan) {
      // A quoted field ran over line breaks into a record of the wrong shape: most likely a stray quote. Report
      // it and read again from the line after the one the record started on.
      problems.push({ row: start, column: nameOf(fields.length - 1), value: '', code: 'unbalanced_quote', params: { line: start }, severity: 'error' });
      const nl = text.indexOf('\n', recordStart);
      i = nl < 0 ? n : nl + 1;
      line = start + 1;
      continue;
    }
    if (count !== width) {
      const code = endedAtEof && count < width ? 'truncated_row' : 'field_count';
      problems.push({ row: start, column: nameOf(Math.min(count, width)), value: '', code, params: { found: count, expected: width }, severity: 'error' });
      continue;
    }
    for (let c = 0; c < width; c++) columns[c].push(stripFormulaGuard(fields[c]));
    lines.push(start);
  }
  return { header, columns, lines, problems, delimiter, rowsRead };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

export interface CsvOptions {
  /** Excel in kk/ru locales: UTF-8 BOM, semicolons, decimal comma. */
  excel?: boolean;
  delimiter?: string;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const NEEDS_QUOTE: Record<string, RegExp> = {};

/** One cell as CSV text: numbers as written (decimal comma in Excel flavour), formula-like text neutralised. */
export function csvCell(value: unknown, delimiter = ',', decimalComma = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return decimalComma ? String(value).replace('.', ',') : String(value);
  }
  let s = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'true' : 'false') : JSON.stringify(value);
  const c = s.charCodeAt(0);
  // = + - @ tab CR
  if (c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13) {
    if (!NUMBER.test(s)) s = `'${s}`;
  } else if (c === 39 && s.length > 1 && '=+-@\t\r'.includes(s[1])) s = `'${s}`; // keeps a leading ' the reader would strip
  const re = (NEEDS_QUOTE[delimiter] ??= new RegExp(`["\n\r${delimiter === '\t' ? '\\t' : delimiter}]`));
  return re.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV writer that yields text chunks (a million rows never become one string). Reusable for the app's exports. */
export class CsvWriter {
  readonly delimiter: string;
  readonly decimalComma: boolean;
  readonly bom: boolean;
  constructor(readonly columns: string[], options: CsvOptions = {}) {
    this.delimiter = options.delimiter ?? (options.excel ? ';' : ',');
    this.decimalComma = !!options.excel;
    this.bom = !!options.excel;
  }
  header(): string {
    return (this.bom ? '\uFEFF' : '') + this.columns.map((c) => csvCell(c, this.delimiter)).join(this.delimiter) + '\r\n'.slice(this.bom ? 0 : 1);
  }
  row(values: ArrayLike<unknown>): string {
    let s = '';
    for (let c = 0; c < this.columns.length; c++) {
      if (c) s += this.delimiter;
      s += csvCell(values[c], this.delimiter, this.decimalComma);
    }
    return s + (this.bom ? '\r\n' : '\n');
  }
  /** Chunks of about 1 MB of text for rows given by `rowAt` (values in column order). */
  *chunks(count: number, rowAt: (i: number) => ArrayLike<unknown>): Generator<string> {
    let buf = this.header();
    for (let i = 0; i < count; i++) {
      buf += this.row(rowAt(i));
      if (buf.length > 1 << 22) {
        yield buf;
        buf = '';
      }
    }
    yield buf;
  }
}

/** CSV text for records (small tables; large exports use CsvWriter.chunks). */
export function writeCsv(columns: string[], rows: Record<string, unknown>[], options: CsvOptions = {}): string {
  const w = new CsvWriter(columns, options);
  return [...w.chunks(rows.length, (i) => columns.map((c) => rows[i][c]))].join('');
}

/** Legacy shape for tests and small files: rows as records keyed by header. */
export function parseCsv(text: string): { columns: string[]; rows: { line: number; cells: Record<string, string> }[] } {
  const t = readCsv(text);
  return {
    columns: t.header,
    rows: t.lines.map((line, k) => ({ line, cells: Object.fromEntries(t.header.map((h, c) => [h, t.columns[c][k]])) })),
  };
}
