// Alphabetical order of names in the UI language: the table's name and district sorts and the ties of search
// results. Russian and English use Intl.Collator. Kazakh uses an explicit key in the order of the Kazakh Cyrillic
// alphabet, because headless Chromium's ICU has no Kazakh tailoring: `new Intl.Collator('kk')` resolves to en-US
// there and puts Ү before Ұ and І right after И, while the alphabet (and Node's ICU, CLDR `kk`) has
// … У Ұ Ү Ф Х Һ … Ы І Ь …; Ә, Ғ, Қ, Ң, Ө follow А, Г, К, Н, О.
export type CollateLang = 'kk' | 'ru' | 'en';

/** The 42 lower-case letters of the Kazakh Cyrillic alphabet, in order. */
export const KAZAKH_ALPHABET = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя';

// Letters become Private Use Area characters in alphabet order: above digits, punctuation and Latin letters (which
// sort first, as ICU's root order has them), so plain code-unit comparison of two keys follows the alphabet.
const KAZAKH_RANK = new Map([...KAZAKH_ALPHABET].map((ch, i) => [ch, String.fromCharCode(0xe000 + i)]));

/** A key whose code-unit order is the Kazakh alphabetical order of `name` (case and Latin accents set aside). */
export function kazakhSortKey(name: string): string {
  let key = '';
  for (const ch of name.normalize('NFC').toLowerCase()) key += KAZAKH_RANK.get(ch) ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
  return key;
}

const collators = new Map<string, Intl.Collator>();
function collator(lang: string): Intl.Collator {
  let c = collators.get(lang);
  if (!c) collators.set(lang, (c = new Intl.Collator(lang, { numeric: true })));
  return c;
}

/** A comparison of two names in `lang`'s alphabetical order (for Array.prototype.sort). */
export function nameComparator(lang: CollateLang): (a: string, b: string) => number {
  const base = collator(lang === 'kk' ? 'ru' : lang).compare;
  if (lang !== 'kk') return base;
  const keys = new Map<string, string>();
  const key = (s: string) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = kazakhSortKey(s)));
    return k;
  };
  return (a, b) => {
    const ka = key(a), kb = key(b);
    // equal keys (case, accents): the collator decides, so the order is total and stable
    return ka < kb ? -1 : ka > kb ? 1 : base(a, b);
  };
}

/** Rows in alphabetical order of their names, as a rank per row (rows without a name last, in row order). */
export function alphabeticalRank(names: readonly (string | null | undefined)[], lang: CollateLang): Int32Array {
  const base = collator(lang === 'kk' ? 'ru' : lang).compare;
  // Kazakh: one key per row up front (a million rows sort on plain string comparisons)
  const keys = lang === 'kk' ? names.map((n) => (n ? kazakhSortKey(n) : '')) : null;
  const order = Array.from(names.keys()).sort((a, b) => {
    const x = names[a], y = names[b];
    if (!x || !y) return (x ? -1 : y ? 1 : 0) || a - b;
    if (keys && keys[a] !== keys[b]) return keys[a] < keys[b] ? -1 : 1;
    return base(x, y) || a - b;
  });
  const rank = new Int32Array(names.length);
  order.forEach((row, k) => (rank[row] = k));
  return rank;
}
