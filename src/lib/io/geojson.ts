// GeoJSON read feature by feature: a small scanner walks the bytes of the FeatureCollection (strings, brackets,
// the top-level members) and each feature's own bytes go through JSON.parse one at a time, so memory holds the
// file, one feature and what the caller keeps of it — never the whole document as objects (a 50 MB one-line file
// parsed whole peaked at 2.1 GB in the CLI). Nesting is bounded (MAX_JSON_DEPTH) before anything recursive sees
// it; every failure is a file-level problem naming the line and character, or the feature.
import { decodeText } from './text.ts';
import { fileError } from './problems.ts';

/** Deepest nesting accepted: a MultiPolygon feature needs 8 levels; a register needs plain values. */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22, BACKSLASH = 0x5c, OPEN_OBJ = 0x7b, CLOSE_OBJ = 0x7d, OPEN_ARR = 0x5b, CLOSE_ARR = 0x5d, COMMA = 0x2c, COLON = 0x3a;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** UTF-8 bytes of the document (without a BOM); other encodings (UTF-16 with a BOM) are decoded and re-encoded. */
function utf8Bytes(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return new TextEncoder().encode(decodeText(bytes).text);
  return bytes;
}

/** The features of a GeoJSON FeatureCollection, one parsed feature at a time. Throws RegisterFileError
 *  (json_syntax, json_feature_invalid, too_deep, not_feature_collection) — never anything else. */
export function* geoJsonFeatures(input: Uint8Array): Generator<unknown, void, void> {
  const b = utf8Bytes(input);
  const n = b.length;
  const decoder = new TextDecoder('utf-8');
  const stack = new Uint8Array(MAX_JSON_DEPTH + 1);

  /** Line and character (1-based) of a byte offset, for messages. */
  const where = (pos: number) => {
    let line = 1;
    let lineStart = 0;
    for (let k = b.indexOf(0x0a); k >= 0 && k < pos; k = b.indexOf(0x0a, k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return { line, column: decoder.decode(b.subarray(lineStart, Math.min(pos, n))).length + 1 };
  };
  const syntax = (pos: number) => fileError('json_syntax', { ...where(pos), found: pos < n ? decoder.decode(b.subarray(pos, pos + 1)) : '' });
  const skipSpace = (i: number) => {
    while (i < n && isSpace(b[i])) i++;
    return i;
  };
  /** i at an opening quote → the index after the closing one. */
  const skipString = (i: number) => {
    let j = i + 1;
    for (;;) {
      const q = b.indexOf(QUOTE, j);
      if (q < 0) throw syntax(n);
      let backslashes = 0;
      for (let k = q - 1; k > i && b[k] === BACKSLASH; k--) backslashes++;
      if (backslashes % 2 === 0) return q + 1;
      j = q + 1;
    }
  };
  /** i at the start of a value nested `depth` levels deep → the index after it. Brackets must match and stay
   *  within MAX_JSON_DEPTH; the rest of the value's syntax is JSON.parse's to check. */
  const skipValue = (i: number, depth: number) => {
    const c = b[i];
    if (c === QUOTE) return skipString(i);
    if (c !== OPEN_OBJ && c !== OPEN_ARR) {
      let j = i;
      while (j < n && !isSpace(b[j]) && b[j] !== COMMA && b[j] !== CLOSE_OBJ && b[j] !== CLOSE_ARR) j++;
      if (j === i) throw syntax(i);
      return j;
    }
    let d = 0;
    let j = i;
    do {
      const x = b[j];
      if (x === QUOTE) {
        j = skipString(j);
        continue;
      }
      if (x === OPEN_OBJ || x === OPEN_ARR) {
        if (depth + d + 1 > MAX_JSON_DEPTH) throw fileError('too_deep', { limit: MAX_JSON_DEPTH, ...where(j) });
        stack[d++] = x;
      } else if (x === CLOSE_OBJ || x === CLOSE_ARR) {
        if (stack[d - 1] !== (x === CLOSE_OBJ ? OPEN_OBJ : OPEN_ARR)) throw syntax(j);
        d--;
      }
      j++;
      if (j >= n && d > 0) throw syntax(n);
    } while (d > 0);
    return j;
  };
  const parse = (from: number, to: number) => JSON.parse(decoder.decode(b.subarray(from, to)));

  let i = skipSpace(0);
  if (i >= n) throw fileError('file_empty');
  if (b[i] !== OPEN_OBJ) {
    // valid JSON of another shape (an array, a string) is not a collection; anything else is a syntax error
    const end = skipSpace(skipValue(i, 0));
    if (end < n) throw syntax(end);
    try {
      parse(i, end);
    } catch {
      throw syntax(i);
    }
    throw fileError('not_feature_collection');
  }
  let type: unknown;
  let sawFeatures = false;
  let feature = 0;
  i = skipSpace(i + 1);
  if (b[i] === CLOSE_OBJ) i++;
  else
    for (;;) {
      if (b[i] !== QUOTE) throw syntax(i);
      const keyEnd = skipString(i);
      let key: unknown;
      try {
        key = parse(i, keyEnd);
      } catch {
        throw syntax(i);
      }
      i = skipSpace(keyEnd);
      if (b[i] !== COLON) throw syntax(i);
      i = skipSpace(i + 1);
      if (key === 'features' && b[i] === OPEN_ARR) {
        sawFeatures = true;
        i = skipSpace(i + 1);
        if (b[i] === CLOSE_ARR) i++;
        else
          for (;;) {
            const start = i;
            const end = skipValue(i, 2);
            feature++;
            let value: unknown;
            try {
              value = parse(start, end);
            } catch {
              throw fileError('json_feature_invalid', { feature, line: where(start).line });
            }
            yield value;
            i = skipSpace(end);
            if (b[i] === COMMA) i = skipSpace(i + 1);
            else if (b[i] === CLOSE_ARR) {
              i++;
              break;
            } else throw syntax(i);
          }
      } else {
        const end = skipValue(i, 1);
        let value: unknown;
        try {
          value = parse(i, end);
        } catch {
          throw syntax(i);
        }
        if (key === 'type') type = value;
        if (key === 'features') throw fileError('not_feature_collection');
        i = end;
      }
      i = skipSpace(i);
      if (b[i] === COMMA) {
        i = skipSpace(i + 1);
        continue;
      }
      if (b[i] === CLOSE_OBJ) {
        i++;
        break;
      }
      throw syntax(i);
    }
  i = skipSpace(i);
  if (i < n) throw syntax(i);
  if (type !== 'FeatureCollection' || !sawFeatures) throw fileError('not_feature_collection');
}
