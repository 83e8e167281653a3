// The assessment CSV written straight from the table's typed columns into UTF-8 byte chunks: numbers are
// formatted digit by digit into the buffer, the few distinct texts of a column (categories, towns, districts,
// oblasts) are encoded once, and free text (ids, names, reasons) goes through csvCell. Byte for byte what
// CsvWriter writes for assessmentRow's values (test/io checks it), several times faster on a million rows: no
// value array, no string per number, no TextEncoder call per row.
import type { AssessmentTable } from '../engine/assess.ts';
import { POTENTIALS } from '../engine/score.ts';
import { CATEGORIES, CATEGORY_RULES, categoryReason, type ClassInputs } from '../engine/classify.ts';
import { BORDER_STATUSES } from '../engine/geo/geospatial.ts';
import { csvCell, CsvWriter, mayStartFormula } from './csv.ts';
import { assessmentColumns } from './assessment-record.ts';

/** A growing byte buffer with the writers the columns need. Every `ensure` also leaves `slack` bytes free, so the
 *  small writes between two ensures (delimiters, digits of a row's numbers) never need their own check. */
export class Bytes {
  buf: Uint8Array;
  pos = 0;
  private readonly digits = new Uint8Array(24);
  constructor(size: number, readonly slack: number) {
    this.buf = new Uint8Array(size + slack);
  }

  ensure(n: number) {
    if (this.pos + n + this.slack <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n + this.slack));
    bigger.set(this.buf.subarray(0, this.pos));
    this.buf = bigger;
  }

  byte(b: number) {
    this.buf[this.pos++] = b;
  }

  /** Bytes from..to of `b` (a short copy by hand: cheaper than a native call). */
  copy(b: Uint8Array, from: number, to: number) {
    const n = to - from;
    this.ensure(n);
    if (n <= 64) {
      const buf = this.buf;
      let p = this.pos;
      for (let k = from; k < to; k++) buf[p++] = b[k];
      this.pos = p;
    } else {
      this.buf.set(b.subarray(from, to), this.pos);
      this.pos += n;
    }
  }

  private readonly encoder = new TextEncoder();

  /** UTF-8, as TextEncoder writes it (a lone surrogate becomes U+FFFD): short texts by hand (a native call costs
   *  more than they do), long ones (reasons, built by concatenation) by the encoder. */
  text(s: string) {
    const n = s.length;
    this.ensure(n * 3);
    if (n > 24) {
      this.pos += this.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) buf[p++] = c;
      else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 63);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) {
          const d = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
            c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
            i++;
            buf[p++] = 0xf0 | (c >> 18);
            buf[p++] = 0x80 | ((c >> 12) & 63);
            buf[p++] = 0x80 | ((c >> 6) & 63);
            buf[p++] = 0x80 | (c & 63);
            continue;
          }
          c = 0xfffd;
        }
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 63);
        buf[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
  }

  /** csvCell(s, delimiter) as UTF-8. Most texts need neither quotes nor a formula guard: they are checked while
   *  they are encoded, and only the others go through csvCell. */
  cell(s: string, delimiter: string, D: number) {
    const n = s.length;
    const c0 = s.charCodeAt(0);
    // a possible formula start (= + - @, their full-width forms, blanks) or ' at the start: csvCell decides
    if (c0 === 39 || mayStartFormula(c0)) return this.text(csvCell(s, delimiter));
    this.ensure(n * 3);
    const buf = this.buf;
    const start = this.pos;
    let p = start;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c === 34 || c === 10 || c === 13 || c === D) {
          this.pos = start; // needs quotes
          return this.text(csvCell(s, delimiter));
        }
        buf[p++] = c;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 63);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        this.pos = start; // surrogates: the general encoder
        return this.text(csvCell(s, delimiter));
      } else {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 63);
        buf[p++] = 0x80 | (c & 63);
      }
    }
    this.pos = p;
  }

  /** A non-negative integer below 2^31, digit by digit in int32 arithmetic. */
  private int(x: number) {
    const d = this.digits;
    let k = d.length;
    do {
      const q = (x / 10) | 0;
      d[--k] = 48 + x - q * 10;
      x = q;
    } while (x > 0);
    const buf = this.buf;
    let p = this.pos;
    while (k < d.length) buf[p++] = d[k++];
    this.pos = p;
  }

  /** numberCell(x, decimalComma): the same text, without building it. */
  number(x: number, decimalComma: boolean) {
    if (x - x !== 0) return; // NaN, ±Infinity: an empty cell
    if (Number.isInteger(x)) {
      if (Math.abs(x) >= 2 ** 31) return this.text(String(x));
      if (x < 0) this.byte(45);
      return this.int(Math.abs(x)); // -0 is written "0", as String(-0)
    }
    // Up to 6 decimals: m / 10^6 === x with fewer than 16 significant digits means x is the double nearest to
    // that decimal, and no other decimal of 15 digits or fewer maps to it, so String(x) gives these digits.
    const m = Math.round(x * 1e6);
    const a = Math.abs(m);
    if (m / 1e6 === x && a < 1e15) {
      const int = Math.floor(a / 1e6);
      let frac = (a - int * 1e6) | 0;
      if (m < 0) this.byte(45);
      this.int(int);
      const buf = this.buf;
      let p = this.pos;
      buf[p] = decimalComma ? 44 : 46;
      // six digits, then the trailing zeros taken off again (the fraction is not 0: x is not an integer)
      for (let j = 6; j > 0; j--) {
        const q = (frac / 10) | 0;
        buf[p + j] = 48 + frac - q * 10;
        frac = q;
      }
      p += 7;
      while (buf[p - 1] === 48) p--;
      this.pos = p;
      return;
    }
    this.text(decimalComma ? String(x).replace('.', ',') : String(x));
  }
}

const NUM = 0; // a number column (NaN = empty), rounded to 3 decimals or as is
const TEXT = 1; // free text per row
const CODED = 2; // an index into a small table of texts (-1 = empty), encoded once
const OTHER = 3; // anything else, through a getter

const NO_NUMBERS: Float64Array = new Float64Array(0);
const NO_CODES: Int32Array = new Int32Array(0);

/** One output column. A single class with every field (one hidden class, typed arrays of one type each): the
 *  row loop's property reads stay monomorphic, which is most of its speed. */
class ColumnSpec {
  kind = OTHER;
  values: Float64Array = NO_NUMBERS;
  round = false;
  when: Int32Array | null = null;
  codes: Int32Array = NO_CODES;
  /** CODED: each distinct text's cell, encoded into `pool` on first use (start -1 until then). */
  start: Int32Array = NO_CODES;
  end: Int32Array = NO_CODES;
  pool: Bytes | null = null;
  texts: readonly (string | null)[] = [];
  get: (i: number) => string | null = () => null;
}
const spec = (fields: Partial<ColumnSpec>) => Object.assign(new ColumnSpec(), fields);

/** Column specs in assessmentColumns order; the values are those of assessmentRow (assessment-record.ts). */
function columnSpecs(table: AssessmentTable, delimiter: string): ColumnSpec[] {
  const { register, geo, scores, classes, config } = table;
  const coded = (codes: ArrayLike<number>, texts: readonly (string | null)[]) =>
    spec({ kind: CODED, codes: codes instanceof Int32Array ? codes : Int32Array.from(codes), texts, start: new Int32Array(texts.length).fill(-1), end: new Int32Array(texts.length), pool: new Bytes(4096, 0) });
  const num = (values: Float64Array, round = true, when: Int32Array | null = null) => spec({ kind: NUM, values, round, when });
  const text = (texts: readonly (string | null)[]) => spec({ kind: TEXT, texts });
  const other = (get: (i: number) => string | null) => spec({ kind: OTHER, get });
  const none = () => spec({});
  /** A text column whose values repeat (oblast, district): coded by distinct value. */
  const repeated = (values: readonly (string | null)[]): ColumnSpec => {
    const index = new Map<string | null, number>();
    const distinct: (string | null)[] = [];
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      let c = index.get(values[i]);
      if (c === undefined) {
        if (distinct.length > 65_536) return text(values); // not repetitive after all
        index.set(values[i], (c = distinct.push(values[i]) - 1));
      }
      codes[i] = c;
    }
    return coded(codes, distinct);
  };
  /** The nearest town of any tier: coded over all tiers' towns, one after the other. */
  const nearestTown = () => {
    const offsets = geo.tiers.map((_, t) => geo.tiers.slice(0, t).reduce((sum, x) => sum + x.towns.length, 0));
    const codes = Int32Array.from(geo.nearestTier, (t, i) => (t >= 0 ? offsets[t] + geo.tiers[t].town[i] : -1));
    return coded(codes, geo.tiers.flatMap((t) => t.towns.map((town) => town.name)));
  };
  const block = (id: string) => {
    const b = scores.blocks.find((x) => x.id === id);
    return b ? num(b.points) : none();
  };
  const inputs: ClassInputs = { register, geo, potential: scores.potential, config };
  const specs: Record<string, ColumnSpec> = {
    id: text(register.ids), name_kk: text(register.texts.name_kk), name_ru: text(register.texts.name_ru), name_en: text(register.texts.name_en),
    lat: num(register.lat, false), lon: num(register.lon, false),
    oblast: repeated(register.texts.oblast), district: repeated(register.texts.district),
    population: num(register.population, false),
    score_demography: block('demography'), score_infrastructure: block('infrastructure'), score_economy: block('economy'), score_geospatial: block('geospatial'),
    score_total: num(scores.total), score_percent: num(scores.percent, false), coverage: num(scores.coverage),
    potential: coded(scores.potential, POTENTIALS), category: coded(classes.category, CATEGORIES),
    support_id: other((i) => (classes.support[i] >= 0 ? register.ids[classes.support[i]] : null)),
    km_to_support: num(classes.kmToSupport),
    category_rule: coded(classes.rule, CATEGORY_RULES), category_reason: other((i) => categoryReason(inputs, classes, i)),
    km_to_town: num(geo.kmToTown),
    nearest_town: nearestTown(),
    km_to_china: num(geo.kmToChina), km_to_russia: num(geo.kmToRussia), km_to_border: num(geo.kmToBorder),
    nearest_border: coded(geo.nearestBorder, geo.borderCodes),
    district_id: coded(geo.district, geo.districts.map((d) => d.id)), district_name: coded(geo.district, geo.districts.map((d) => d.name)),
    border_status: coded(geo.status, BORDER_STATUSES),
  };
  for (const t of geo.tiers) {
    specs[`km_to_${t.id}`] = num(t.km, true, t.town);
    specs[`town_${t.id}`] = coded(t.town, t.towns.map((town) => town.name));
    specs[`town_id_${t.id}`] = coded(t.town, t.towns.map((town) => town.id));
  }
  scores.indicators.forEach((ind, k) => (specs[`points_${ind.id}`] = num(scores.points[k])));
  return assessmentColumns(config).map((c) => specs[c] ?? none());
}

/** The assessment table as CSV, in UTF-8 chunks of about 1 MB. `reuse`: the chunks share one buffer, and each
 *  must be consumed (written) before the next is asked for. */
export function* assessmentCsvChunks(table: AssessmentTable, options: { excel?: boolean; reuse?: boolean } = {}): Generator<Uint8Array> {
  const writer = new CsvWriter(assessmentColumns(table.config), { excel: options.excel });
  const { delimiter, decimalComma } = writer;
  const D = delimiter.charCodeAt(0);
  const specs = columnSpecs(table, delimiter);
  const SIZE = 1 << 20;
  // Slack for one row's numbers and delimiters (at most ~25 bytes each); texts ensure their own room.
  const out = new Bytes(SIZE, specs.length * 32 + 64);
  out.text(writer.header());
  const n = table.register.size;
  for (let i = 0; i < n; ) {
    i = writeRows(out, specs, i, n, SIZE, D, decimalComma, delimiter, writer.bom);
    if (out.pos >= SIZE || i === n) {
      if (out.pos > 0) yield options.reuse ? out.buf.subarray(0, out.pos) : out.buf.slice(0, out.pos);
      out.pos = 0;
    }
  }
  if (n === 0) yield options.reuse ? out.buf.subarray(0, out.pos) : out.buf.slice(0, out.pos);
}

/** Rows from `from` on until the buffer holds `size` bytes or the table ends; returns the next row. */
function writeRows(out: Bytes, specs: ColumnSpec[], from: number, n: number, size: number, D: number, decimalComma: boolean, delimiter: string, crlf: boolean): number {
  const m = specs.length;
  let i = from;
  for (; i < n && out.pos < size; i++) {
    out.ensure(0);
    for (let c = 0; c < m; c++) {
      if (c > 0) out.byte(D);
      const spec = specs[c];
      const kind = spec.kind;
      if (kind === NUM) {
        if (spec.when !== null && spec.when[i] < 0) continue;
        const x = spec.values[i];
        out.number(spec.round && x - x === 0 ? Math.round(x * 1000) / 1000 : x, decimalComma);
      } else if (kind === CODED) {
        const code = spec.codes[i];
        if (code < 0) continue;
        const pool = spec.pool!;
        if (spec.start[code] < 0) {
          const s = spec.texts[code];
          spec.start[code] = pool.pos;
          if (s !== null) pool.cell(s, delimiter, D);
          spec.end[code] = pool.pos;
        }
        out.copy(pool.buf, spec.start[code], spec.end[code]);
      } else {
        const s = kind === TEXT ? spec.texts[i] : spec.get(i);
        if (s !== null) out.cell(s, delimiter, D);
      }
    }
    if (crlf) out.byte(13);
    out.byte(10);
  }
  return i;
}
