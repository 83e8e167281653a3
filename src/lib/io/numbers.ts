// Numbers as registers write them: "1234.5", "1234,5", "1 234,5", "1.234,5", "1,234.5". The decimal separator is
// decided once per file from the values that show it unambiguously; "1.234" or "1,234" alone (one separator,
// exactly three digits after it) could be a decimal or a thousands separator and is flagged when the file does not
// decide. Spaces (also no-break and narrow no-break) are thousands separators.

export type DecimalConvention = 'point' | 'comma' | 'unknown' | 'mixed';

const INTEGER = /^[+-]?\d+$/;
const SIMPLE_POINT = /^[+-]?\d*\.\d+$/;
const ONE_SEPARATOR = /^[+-]?(\d*)([.,])(\d+)$/;
const DOT_GROUPS = /^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/; // 1.234.567 or 1.234,5
const COMMA_GROUPS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/; // 1,234,567 or 1,234.5
/** A trailing separator with no digits after it ("5." as some tools and hand edits leave it): the integer. */
const TRAILING_SEPARATOR = /^[+-]?\d+[.,]$/;
const EXPONENT = /^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i;
const SPACES = /[\s\u00a0\u202f]/g;

/** Evidence one cell gives: 'point', 'comma', or null (none or ambiguous). */
function evidence(raw: string): 'point' | 'comma' | null {
  const hadSpace = /\d[\s\u00a0\u202f]\d/.test(raw);
  const s = raw.replace(SPACES, '');
  if (INTEGER.test(s)) return null;
  const m = ONE_SEPARATOR.exec(s);
  if (m) {
    if (hadSpace) return m[2] === ',' ? 'comma' : 'point';
    if (isAmbiguous(m)) return null;
    return m[2] === '.' ? 'point' : 'comma';
  }
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(s)) return 'comma';
  if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^[+-]?\d{1,3}(,\d{3}){2,}$/.test(s)) return 'point';
  return null;
}

function isAmbiguous(m: RegExpExecArray): boolean {
  return m[3].length === 3 && m[1].length >= 1 && m[1].length <= 3 && m[1] !== '0' && !m[1].startsWith('0');
}

/** The file's convention from a sample of numeric cells. */
export function detectDecimal(cells: Iterable<string>, pointAlready = 0): DecimalConvention {
  let point = pointAlready;
  let comma = 0;
  for (const c of cells) {
    if (c === '' || INTEGER.test(c)) continue;
    const e = evidence(c);
    if (e === 'point') point++;
    else if (e === 'comma') comma++;
    if (point && comma) break;
  }
  if (point && comma) return 'mixed';
  return point ? 'point' : comma ? 'comma' : 'unknown';
}

const NO_DATA = new Set(['', '-', '—', '–', 'n/a', 'na', 'nan', 'null', 'none', 'нет данных', 'н/д', 'н.д.', 'нд', '#н/д', '#n/a', 'мәлімет жоқ', 'мәліметтер жоқ', 'деректер жоқ', 'дерек жоқ']);

export function isNoData(raw: string): boolean {
  return raw === '' || NO_DATA.has(raw.trim().toLowerCase());
}

export interface ParsedNumber {
  /** The number, null for no data, undefined when the text is not a number. */
  value: number | null | undefined;
  /** Set when the value was one of two readings: the other one. */
  alternative?: number;
}

const result: ParsedNumber = { value: undefined };

/** Parses one cell under the file's convention. The returned object is reused: copy what you keep. */
export function parseNumberCell(raw: string, convention: DecimalConvention): ParsedNumber {
  result.alternative = undefined;
  if (INTEGER.test(raw)) {
    result.value = Number(raw);
    return result;
  }
  if (SIMPLE_POINT.test(raw) && convention !== 'comma') {
    result.value = Number(raw);
    const m = ONE_SEPARATOR.exec(raw);
    if (m && convention !== 'point' && isAmbiguous(m)) result.alternative = Number(raw.replace('.', ''));
    return result;
  }
  if (isNoData(raw)) {
    result.value = null;
    return result;
  }
  const hadSpace = /\d[\s\u00a0\u202f]\d/.test(raw);
  const s = raw.replace(SPACES, '');
  if (INTEGER.test(s)) {
    result.value = Number(s);
    return result;
  }
  if (TRAILING_SEPARATOR.test(s)) {
    result.value = Number(s.slice(0, -1));
    return result;
  }
  const m = ONE_SEPARATOR.exec(s);
  if (m) {
    const decimal = Number(`${m[1] || '0'}.${m[3]}`) * (s.startsWith('-') ? -1 : 1);
    const thousands = Number(s.replace(/[.,]/, ''));
    if (hadSpace || !isAmbiguous(m)) result.value = decimal;
    else if (convention === 'point') result.value = m[2] === '.' ? decimal : thousands;
    else if (convention === 'comma') result.value = m[2] === ',' ? decimal : thousands;
    else {
      result.value = decimal;
      result.alternative = thousands;
    }
    return result;
  }
  if (DOT_GROUPS.test(s)) result.value = Number(s.replace(/\./g, '').replace(',', '.'));
  else if (COMMA_GROUPS.test(s)) result.value = Number(s.replace(/,/g, ''));
  else if (EXPONENT.test(s)) result.value = Number(s);
  else result.value = undefined;
  return result;
}
