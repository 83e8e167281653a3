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
  /** columns[c]: the cells of header column c in the accepted rows (null for a column not kept). */
  columns: (TextColumn | null)[];
  /** The physical line each accepted row starts on (header = line 1). */
  lines: number[];
  /** Rows rejected for their shape (field count, unclosed quote, cut short), one problem each. */
  problems: Problem[];
  delimiter: string;
  /** Non-empty data rows seen: accepted (lines.length) + rejected (problems.length). */
  rowsRead: number;
}

const NO_TRIM = 0x80000000;

/** One CSV column as byte offsets into the file's UTF-8 bytes: no string per cell until a cell is asked for (a
 *  million-row register would otherwise hold tens of millions of small strings, and the file one UTF-16 string
 *  twice its size). */
export class TextColumn {
  length = 0;
  private starts: Uint32Array;
  private ends: Uint32Array;
  /** Cells that are not a plain slice of the bytes (quotes doubled inside, text after a closing quote). */
  private readonly special = new Map<number, string>();
  /** `capacity`: expected rows (sized once: growing by doubling churns external memory, which triggers full GCs).
   *  `numeric`: compute fastNumbers() while the rows are read, when each cell's text is still in the processor's
   *  cache (read afterwards column by column, every cell of a large file is a cache miss). */
  constructor(private readonly text: Uint8Array, capacity = 1024, numeric = false) {
    this.starts = new Uint32Array(Math.max(16, capacity));
    this.ends = new Uint32Array(Math.max(16, capacity));
    if (numeric) this.eager = new Float64Array(this.starts.length);
  }

  private eager: Float64Array | null = null;

  push(start: number, end: number, special: string | null) {
    if (this.length === this.starts.length) {
      const grow = (a: Uint32Array) => {
        const b = new Uint32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      if (this.eager) {
        const bigger = new Float64Array(this.starts.length);
        bigger.set(this.eager);
        this.eager = bigger;
      }
    }
    if (special !== null) this.special.set(this.length, special);
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    if (this.eager) this.eager[this.length] = special !== null ? NaN : this.simpleNumber(this.length, false);
    this.length++;
  }

  toArray(): string[] {
    return Array.from({ length: this.length }, (_, k) => this.get(k));
  }

  /** The cell as text: trimmed unless it was quoted, formula guard taken off. */
  get(k: number): string {
    const sp = this.special.size ? this.special.get(k) : undefined;
    if (sp !== undefined) return stripFormulaGuard(sp);
    const st = this.starts[k];
    const raw = utf8Slice(this.text, st & ~NO_TRIM & 0x7fffffff, this.ends[k]);
    return stripFormulaGuard(st & NO_TRIM ? raw : trim(raw));
  }

  private fast: Float64Array | null = null;

  /** simpleNumber(k, false) for every cell, computed once (the decimal detection and the conversion share it). */
  fastNumbers(): Float64Array {
    if (!this.fast) {
      if (this.eager) this.fast = this.eager.length === this.length ? this.eager : this.eager.subarray(0, this.length);
      else {
        this.fast = new Float64Array(this.length);
        for (let k = 0; k < this.length; k++) this.fast[k] = this.simpleNumber(k, false);
      }
      this.eager = null;
    }
    return this.fast;
  }

  /** The cell as a number when it is a plain decimal ("-12", "51.147", " 7 "); NaN when it needs the full parser
   *  (no data, other separators, exponents, or — unless `pointIsDecimal` — "1.234", which could be 1234). */
  simpleNumber(k: number, pointIsDecimal: boolean): number {
    if (this.special.size && this.special.has(k)) return NaN;
    const t = this.text;
    let i = this.starts[k] & 0x7fffffff;
    let e = this.ends[k];
    while (i < e && t[i] === 32) i++;
    while (e > i && t[e - 1] === 32) e--;
    if (i === e) return NaN;
    let neg = false;
    if (t[i] === 45) {
      neg = true;
      i++;
    }
    let intPart = 0;
    let intDigits = 0;
    let c = 0;
    while (i < e && (c = t[i] - 48) >= 0 && c <= 9) {
      intPart = intPart * 10 + c;
      intDigits++;
      i++;
    }
    if (intDigits === 0 || intDigits > 15) return NaN;
    if (i === e) return neg ? -intPart : intPart;
    if (t[i] !== 46) return NaN;
    i++;
    let frac = 0;
    let fracDigits = 0;
    while (i < e && (c = t[i] - 48) >= 0 && c <= 9) {
      frac = frac * 10 + c;
      fracDigits++;
      i++;
    }
    if (i !== e || fracDigits === 0 || intDigits + fracDigits > 15) return NaN;
    if (!pointIsDecimal && fracDigits === 3 && intDigits <= 3 && t[this.starts[k] & 0x7fffffff] !== 48) return NaN;
    // An integer below 2^53 divided by an exact power of ten is rounded once: the same double as Number(text).
    const v = (intPart * POW10[fracDigits] + frac) / POW10[fracDigits];
    return neg ? -v : v;
  }
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** The header line decides the delimiter (data lines may hold decimal commas). */
export function detectDelimiter(text: string): string {
  const end = text.search(/[\r\n\u0085\u2028\u2029]|$/);
  const header = text.slice(0, end);
  const count = (d: string) => header.split(d).length - 1;
  return [';', '\t', ','].reduce((best, d) => (count(d) > count(best) ? d : best), ',');
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Length in bytes of the line break at b[k] (0: none). Besides LF and CR, Unicode's other mandatory line breaks
 *  (UAX #14) in UTF-8: NEL (C2 85), LINE SEPARATOR (E2 80 A8), PARAGRAPH SEPARATOR (E2 80 A9). Files written by
 *  some tools end their lines with them; read as ordinary text they would glue every row to the header. CR LF is
 *  two breaks' worth of bytes the callers join themselves. */
function breakAt(b: Uint8Array, k: number): number {
  const c = b[k];
  if (c === LF || c === CR) return 1;
  if (c === 0xc2) return b[k + 1] === 0x85 ? 2 : 0;
  if (c === 0xe2) return b[k + 1] === 0x80 && (b[k + 2] === 0xa8 || b[k + 2] === 0xa9) ? 3 : 0;
  return 0;
}

/** Line breaks in b[from, to): CR LF counts once, a lone CR, LF, NEL, LS or PS once each. */
function countBreaks(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = b[k];
    if (c === CR) {
      n++;
      if (b[k + 1] === LF && k + 1 < to) k++;
    } else if (c === LF) n++;
    else if (c === 0xc2 || c === 0xe2) {
      const len = breakAt(b, k);
      if (len) {
        n++;
        k += len - 1;
      }
    }
  }
  return n;
}

/** The index just after the first line break at or after `from` (b.length when there is none). */
function nextLineStart(b: Uint8Array, from: number): number {
  for (let k = from; k < b.length; k++) {
    const c = b[k];
    if (c === CR) return b[k + 1] === LF ? k + 2 : k + 1;
    const len = breakAt(b, k);
    if (len) return k + len;
  }
  return b.length;
}

const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const scratch = new Uint16Array(64);

/** b[from, to) as a string, as TextDecoder decodes it (invalid bytes become U+FFFD). Short cells of ASCII and
 *  two-byte letters (Cyrillic) are decoded by hand: a native call per cell costs more than they do. */
export function utf8Slice(b: Uint8Array, from: number, to: number): string {
  const n = to - from;
  if (n <= 0) return '';
  if (n <= scratch.length) {
    let m = 0;
    let k = from;
    for (; k < to; k++) {
      const c = b[k];
      if (c < 0x80) scratch[m++] = c;
      else if (c >= 0xc2 && c <= 0xdf && k + 1 < to && (b[k + 1] & 0xc0) === 0x80) scratch[m++] = ((c & 0x1f) << 6) | (b[++k] & 0x3f);
      else break;
    }
    if (k === to) return String.fromCharCode.apply(null, scratch.subarray(0, m) as unknown as number[]);
  }
  return utf8Decoder.decode(b.subarray(from, to));
}

/** Characters a spreadsheet may read as the start of a formula: = + - @ (OWASP), their full-width and small forms
 *  (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫, which Excel with an East Asian input method turns into formulas), the minus sign and
 *  superscript / subscript plus and minus, tab and CR. Folded to ASCII by NFKC where Unicode has a compatibility
 *  mapping; the few without one are listed. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\u2212', '\u2796', '\u2795', '\u229c']);
/** Invisible or blank characters a spreadsheet skips before a formula (spaces, no-break and zero-width spaces, BOM). */
const LEADING_INVISIBLE = /^[ \u00a0\u1680\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff\n]+/;

/** Cheap pre-check on a cell's first UTF-16 unit: false means looksLikeFormula is false (Cyrillic, Latin letters and
 *  digits never start a formula). */
export const mayStartFormula = (c: number) => c === 61 || c === 43 || c === 45 || c === 64 || c <= 32 || c === 0xa0 || c === 0x1680 || c >= 0x2000;

/** True when a cell's text could be taken for a formula: its first visible character (after NFKC folding) starts one. */
export function looksLikeFormula(cell: string): boolean {
  const rest = cell.replace(LEADING_INVISIBLE, '');
  if (rest === '') return false;
  const first = String.fromCodePoint(rest.codePointAt(0)!);
  return FORMULA_START.has(first) || FORMULA_START.has(first.normalize('NFKC').charAt(0));
}

/** A leading ' added by a formula-safe writer (before a cell that looksLikeFormula) is taken off again. */
export function stripFormulaGuard(cell: string): string {
  if (cell.charCodeAt(0) === 39 && cell.length > 1) {
    // a text that itself began with ' before such a character was written with ''
    const k = cell[1] === "'" ? 2 : 1;
    if (looksLikeFormula(cell.slice(k))) return cell.slice(1);
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

/** Reads CSV into columns: text, or its UTF-8 bytes (what the file reader passes: no string of the whole file is
 *  built; cells are decoded when asked for). Offsets and line breaks are found on the bytes: the delimiter, quotes
 *  and breaks are ASCII or whole UTF-8 sequences, which never occur inside another character's bytes. Never throws
 *  on malformed input. */
export function readCsv(input: string | Uint8Array, options: { delimiter?: string; keep?: (column: string) => boolean; numeric?: (column: string) => boolean; maxRows?: number } = {}): CsvTable {
  let text = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (text[0] === 0xef && text[1] === 0xbb && text[2] === 0xbf) text = text.subarray(3);
  const delimiter = options.delimiter ?? detectDelimiter(utf8Slice(text, 0, nextLineStart(text, 0)));
  const D = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  // The current record's fields: offsets into the text, or a string where the cell is not a plain slice.
  const fields = { count: 0, start: [] as number[], end: [] as number[], special: [] as (string | null)[] };
  const addField = (start: number, end: number, special: string | null) => {
    const f = fields.count++;
    fields.start[f] = start;
    fields.end[f] = end;
    fields.special[f] = special;
  };
  const fieldText = (f: number) => fields.special[f] ?? (fields.start[f] & NO_TRIM ? utf8Slice(text, fields.start[f] & 0x7fffffff, fields.end[f]) : trim(utf8Slice(text, fields.start[f], fields.end[f])));
  const fieldEmpty = (f: number) => {
    if (fields.special[f] !== null) return fields.special[f] === '';
    if (fields.start[f] & NO_TRIM) return fields.end[f] === (fields.start[f] & 0x7fffffff);
    for (let k = fields.start[f]; k < fields.end[f]; k++) if (text[k] > 32) return false;
    return true;
  };
  let quotedSpan = false; // the record had a quoted field spanning lines
  let badQuote = false; // a quote never closed, or closed and followed by text on a later line
  let badQuoteLine = 0;
  let badQuoteField = 0;
  let endedAtEof = false;
  let recordStart = 0;

  /** Reads one record into `fields`; returns the line it started on, or -1 at the end of the text. */
  const next = (): number => {
    fields.count = 0;
    quotedSpan = false;
    badQuote = false;
    if (i >= n) return -1;
    recordStart = i;
    const start = line;
    for (;;) {
      // one field
      if (text[i] === QUOTE) {
        const open = i;
        const openLine = line;
        let value = '';
        let plain = true; // no doubled quotes inside: the cell is text[open + 1, closing quote)
        let closeAt = -1;
        let j = i + 1;
        let closed = false;
        for (;;) {
          const q = text.indexOf(QUOTE, j);
          if (q < 0) break;
          if (text[q + 1] === QUOTE) {
            value += utf8Slice(text, j, q + 1);
            plain = false;
            j = q + 2;
            continue;
          }
          value += utf8Slice(text, j, q);
          closeAt = q;
          j = q + 1;
          closed = true;
          break;
        }
        const clean = closed && (j >= n || text[j] === D || breakAt(text, j) > 0);
        const breaks = closed ? countBreaks(text, open, j) : 0;
        if (!closed || (!clean && breaks > 0)) {
          // Unclosed (or a stray quote that swallowed line breaks): resync at the line after the opening one.
          badQuote = true;
          badQuoteLine = openLine;
          badQuoteField = fields.count;
          i = nextLineStart(text, open);
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
            if (text[k] === D || breakAt(text, k)) break;
            k++;
          }
          value += utf8Slice(text, i, k);
          plain = false;
          i = k;
        }
        if (plain) addField((open + 1) | NO_TRIM, closeAt, null);
        else addField(0, 0, value);
      } else {
        let k = i;
        while (k < n) {
          const c = text[k];
          if (c === D || c === LF || c === CR || ((c === 0xc2 || c === 0xe2) && breakAt(text, k))) break;
          k++;
        }
        addField(i, k, null);
        i = k;
      }
      // after the field
      if (i >= n) {
        endedAtEof = true;
        return start;
      }
      const c = text[i];
      if (c === D) {
        i++;
        if (i >= n) {
          addField(i, i, null);
          endedAtEof = true;
          return start;
        }
        continue;
      }
      // line break
      if (c === CR && text[i + 1] === LF) i += 2;
      else i += breakAt(text, i);
      line++;
      return start;
    }
  };

  const empty = () => {
    for (let f = 0; f < fields.count; f++) if (!fieldEmpty(f)) return false;
    return true;
  };
  let headerLine = next();
  while (headerLine >= 0 && empty() && !badQuote) headerLine = next();
  const header = headerLine < 0 ? [] : Array.from({ length: fields.count }, (_, f) => trim(fieldText(f)));
  const width = header.length;
  /** Header name of field f; "#n" for a field beyond the header. */
  const nameOf = (f: number) => (f >= 0 && f < width && header[f] ? header[f] : `#${f + 1}`);
  const keep = options.keep ?? (() => true);
  // every kind of line break (a file of U+2028 or CR lines has no LF): the columns are sized once, never doubled
  const lineBreaks = countBreaks(text, 0, n);
  const numeric = options.numeric ?? (() => false);
  // `maxRows`: reading stops at the first row over it (rowsRead = maxRows + 1): the caller refuses the file
  const maxRows = options.maxRows ?? Infinity;
  const columns = header.map((h) => (keep(h) ? new TextColumn(text, Math.min(lineBreaks, maxRows) + 1, numeric(h)) : null));
  const lines: number[] = [];
  const problems: Problem[] = [];
  let rowsRead = 0;
  for (;;) {
    if (rowsRead > maxRows) break;
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
    let count = fields.count;
    // Trailing empty fields (Excel's "a;b;;;") beyond the header are not an error.
    while (count > width && fieldEmpty(count - 1)) count--;
    if (count !== width && quotedSpan) {
      // A quoted field ran over line breaks into a record of the wrong shape: most likely a stray quote. Report
      // it and read again from the line after the one the record started on.
      problems.push({ row: start, column: nameOf(fields.count - 1), value: '', code: 'unbalanced_quote', params: { line: start }, severity: 'error' });
      i = nextLineStart(text, recordStart);
      line = start + 1;
      continue;
    }
    if (count !== width) {
      const code = endedAtEof && count < width ? 'truncated_row' : 'field_count';
      problems.push({ row: start, column: nameOf(Math.min(count, width)), value: '', code, params: { found: count, expected: width }, severity: 'error' });
      continue;
    }
    for (let c = 0; c < width; c++) columns[c]?.push(fields.start[c], fields.end[c], fields.special[c]);
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
  /** Overrides of the Excel flavour's parts (the app's export lets the user pick separator and decimal mark). */
  decimalComma?: boolean;
  bom?: boolean;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const NEEDS_QUOTE: Record<string, RegExp> = {};

/** A number as String() writes it; values with at most 3 decimals (what exports round to) through integer
 *  formatting, which is several times cheaper than the shortest-round-trip conversion and gives the same text. */
export function numberCell(x: number, decimalComma = false): string {
  if (!Number.isFinite(x)) return '';
  const sep = decimalComma ? ',' : '.';
  if (Number.isInteger(x)) return Math.abs(x) < 1e21 ? String(x) : String(x);
  const m = Math.round(x * 1000);
  if (m / 1000 === x && Math.abs(m) < 1e15) {
    const neg = m < 0;
    const a = neg ? -m : m;
    const int = Math.floor(a / 1000);
    let frac = a - int * 1000;
    let digits = 3;
    while (frac % 10 === 0) {
      frac /= 10;
      digits--;
    }
    const f = String(frac);
    return `${neg ? '-' : ''}${int}${sep}${digits > f.length ? '0'.repeat(digits - f.length) + f : f}`;
  }
  return decimalComma ? String(x).replace('.', ',') : String(x);
}

/** One cell as CSV text: numbers as written (decimal comma in Excel flavour), formula-like text neutralised. */
export function csvCell(value: unknown, delimiter = ',', decimalComma = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberCell(value, decimalComma);
  let s = typeof value === 'string' ? value : typeof value === 'boolean' ? (value ? 'true' : 'false') : JSON.stringify(value);
  const c = s.charCodeAt(0);
  // Plain ASCII cells not starting with a suspicious character skip the Unicode check (exports are mostly these).
  if (mayStartFormula(c) && looksLikeFormula(s)) {
    if (!NUMBER.test(s)) s = `'${s}`;
  } else if (c === 39 && s.length > 1 && looksLikeFormula(s.slice(1))) s = `'${s}`; // keeps a leading ' the reader would strip
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
    this.decimalComma = options.decimalComma ?? !!options.excel;
    this.bom = options.bom ?? !!options.excel;
  }
  header(): string {
    return (this.bom ? '\uFEFF' : '') + this.columns.map((c) => csvCell(c, this.delimiter)).join(this.delimiter) + '\r\n'.slice(this.bom ? 0 : 1);
  }
  private readonly cells: string[] = [];
  row(values: ArrayLike<unknown>): string {
    const cells = this.cells;
    const n = (cells.length = this.columns.length);
    for (let c = 0; c < n; c++) cells[c] = csvCell(values[c], this.delimiter, this.decimalComma);
    // One join (one flat string) instead of a chain of concatenations the encoder must flatten.
    return cells.join(this.delimiter) + (this.bom ? '\r\n' : '\n');
  }
  /** UTF-8 chunks of about 1 MB for rows given by `rowAt` (values in column order). Each row is encoded as soon as
   *  it is built, so its strings die young instead of piling up in a long string the collector must move. */
  *chunks(count: number, rowAt: (i: number) => ArrayLike<unknown>, reuse = false): Generator<Uint8Array> {
    const SIZE = 1 << 20;
    let buf = new Uint8Array(SIZE);
    let used = 0;
    const encoder = new TextEncoder();
    const put = (text: string) => {
      if (used + text.length * 3 > buf.length) {
        if (used > 0) {
          // `reuse`: the consumer writes each chunk before asking for the next, so one buffer serves them all.
          const out = reuse ? buf.subarray(0, used) : buf.slice(0, used);
          used = 0;
          return out;
        }
        buf = new Uint8Array(Math.max(SIZE, text.length * 3));
      }
      used += encoder.encodeInto(text, buf.subarray(used)).written;
      return null;
    };
    let full = put(this.header());
    for (let i = 0; i < count; i++) {
      const row = this.row(rowAt(i));
      full = put(row);
      if (full) {
        yield full;
        put(row);
      }
    }
    if (used > 0) yield reuse ? buf.subarray(0, used) : buf.slice(0, used);
  }
}

/** CSV text for records (small tables; large exports use CsvWriter.chunks). */
export function writeCsv(columns: string[], rows: Record<string, unknown>[], options: CsvOptions = {}): string {
  const w = new CsvWriter(columns, options);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return [...w.chunks(rows.length, (i) => columns.map((c) => rows[i][c]))].map((c) => decoder.decode(c)).join('');
}

/** Legacy shape for tests and small files: rows as records keyed by header. */
export function parseCsv(text: string): { columns: string[]; rows: { line: number; cells: Record<string, string> }[] } {
  const t = readCsv(text);
  return {
    columns: t.header,
    rows: t.lines.map((line, k) => ({ line, cells: Object.fromEntries(t.header.map((h, c) => [h, t.columns[c]!.get(k)])) })),
  };
}
