// The header line of a delimited text file with a title above it (registers exported from Excel often carry one):
// within the first 30 lines, the line naming the most known columns (at least two), split by whichever of
// , ; tab | names the most. Lines are counted by "\n" (a title holds no quoted line breaks).
import { fieldOf } from './mapping.ts';
import { fileError } from './problems.ts';

const SEARCH_LINES = 30;
const DELIMITERS = [',', ';', '\t', '|'];

/** How many lines precede the header, and the character offset where the header line starts. `headerRow`: the
 *  1-based line asked for; otherwise found (0 lines skipped when no line names two known columns). */
export function textHeaderLine(text: string, known: (name: string) => boolean, headerRow?: number): { skipped: number; offset: number } {
  const starts: number[] = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
  for (let i = 0; starts.length < Math.max(SEARCH_LINES, headerRow ?? 0); ) {
    const next = text.indexOf('\n', i);
    if (next < 0) break;
    starts.push((i = next + 1));
  }
  if (headerRow !== undefined) {
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > starts.length || starts[headerRow - 1] >= text.length) throw fileError('header_row_invalid', { row: headerRow, rows: starts.length });
    return { skipped: headerRow - 1, offset: starts[headerRow - 1] };
  }
  let best = 0;
  let bestScore = 1;
  for (let k = 0; k < Math.min(SEARCH_LINES, starts.length); k++) {
    const end = text.indexOf('\n', starts[k]);
    const line = text.slice(starts[k], end < 0 ? Math.min(text.length, starts[k] + 65536) : Math.min(end, starts[k] + 65536));
    const score = Math.max(...DELIMITERS.map((d) => line.split(d).filter((cell) => {
      const name = cell.trim().replace(/^"(.*)"$/, '$1').trim();
      return name !== '' && known(name);
    }).length));
    if (score > bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return { skipped: best, offset: starts[best] };
}

export const knownColumn = (keep?: (column: string) => boolean) => (name: string) => fieldOf(name) !== null || (keep?.(name) ?? false);

/** Bytes of a header candidate line decoded for the search: enough for the 65,536 characters it looks at. */
const LINE_BYTES = 4 * 65536;

/** The first lines of a UTF-8 file as text, for textHeaderLine (the lines it looks at, and one more so that a
 *  given header row is known to exist): the file is never decoded whole. Long lines are cut to what the search
 *  reads. */
export function headLines(bytes: Uint8Array, headerRow?: number): string {
  const want = Math.max(SEARCH_LINES, headerRow ?? 0) + 1;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let head = '';
  for (let line = 0, i = 0; line < want && i < bytes.length; line++) {
    const lf = bytes.indexOf(10, i);
    const end = lf < 0 ? bytes.length : lf;
    head += decoder.decode(bytes.subarray(i, Math.min(end, i + LINE_BYTES))) + (lf < 0 ? '' : '\n');
    i = end + 1;
  }
  return head;
}

/** The byte offset where line `skipped` + 1 starts (lines counted by "\n", as textHeaderLine counts them). */
export function lineOffset(bytes: Uint8Array, skipped: number): number {
  let offset = 0;
  for (let k = 0; k < skipped; k++) offset = bytes.indexOf(10, offset) + 1;
  return offset;
}
