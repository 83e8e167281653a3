// Picks a Kazakh and a Russian name out of GeoNames' untagged list of alternate names.
// Kazakh: a Cyrillic name that uses letters only Kazakh has (ә ғ қ ң ө ұ ү һ і). Russian: a Cyrillic name without
// them. Where several qualify, the one closest (edit distance) to the place's Latin name wins, so that a current
// name beats a Soviet-era one (Жанаозен rather than Новый Узень).
import { editDistance } from '../src/lib/io/edit-distance.ts';

const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const NOT_RUSSIAN = /[їєўґЇЄЎҐ]/;
const CYRILLIC_WORD = /^[\p{Script=Cyrillic}\s\-'’.()0-9]+$/u;

const LATIN_TO_CYRILLIC: [RegExp, string][] = [
  [/shch/g, 'щ'], [/sh/g, 'ш'], [/ch/g, 'ч'], [/zh/g, 'ж'], [/kh/g, 'х'], [/ts/g, 'ц'], [/ya/g, 'я'], [/yu/g, 'ю'],
  [/yo/g, 'ё'], [/gh/g, 'г'], [/a/g, 'а'], [/b/g, 'б'], [/v/g, 'в'], [/g/g, 'г'], [/d/g, 'д'], [/e/g, 'е'], [/z/g, 'з'],
  [/i/g, 'и'], [/y/g, 'ы'], [/k/g, 'к'], [/l/g, 'л'], [/m/g, 'м'], [/n/g, 'н'], [/o/g, 'о'], [/p/g, 'п'], [/r/g, 'р'],
  [/s/g, 'с'], [/t/g, 'т'], [/u/g, 'у'], [/f/g, 'ф'], [/h/g, 'х'], [/q/g, 'к'], [/c/g, 'к'], [/w/g, 'у'], [/x/g, 'кс'],
  [/j/g, 'ж'],
];
const KAZAKH_TO_RUSSIAN: Record<string, string> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };

function roughCyrillic(latin: string): string {
  let s = latin.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  for (const [re, to] of LATIN_TO_CYRILLIC) s = s.replace(re, to);
  return s;
}

function foldKazakh(s: string): string {
  return s.toLowerCase().replace(/[әғқңөұүһі]/g, (c) => KAZAKH_TO_RUSSIAN[c] ?? c);
}

function closest(candidates: string[], target: string): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(foldKazakh(c), target);
    if (d < bestD || (d === bestD && best !== null && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

export function pickNames(latinName: string, alternates: string[]): { kk: string | null; ru: string | null } {
  const cyrillic = [...new Set(alternates.map((s) => s.trim()))].filter((s) => s && CYRILLIC_WORD.test(s));
  const target = roughCyrillic(latinName);
  const near = (s: string | null, to: string) => s !== null && editDistance(foldKazakh(s), to) <= Math.max(2, Math.floor(to.length / 3));
  let ru = closest(cyrillic.filter((s) => !KAZAKH_ONLY.test(s) && !NOT_RUSSIAN.test(s)), target);
  const kkNearLatin = closest(cyrillic.filter((s) => KAZAKH_ONLY.test(s)), target);
  // A Russian candidate far from the current Latin name while a Kazakh one matches it is a Soviet-era name
  // (Шевченко for Aktau): better no Russian name than a wrong one.
  if (ru && !near(ru, target) && near(kkNearLatin, target)) ru = null;
  const kk = closest(cyrillic.filter((s) => KAZAKH_ONLY.test(s)), ru ? foldKazakh(ru) : target);
  // A Kazakh-letter name far from the Russian one is a former or other name (Нұр-Сұлтан for Astana), not the
  // Kazakh form of the current name.
  if (kk && ru && editDistance(foldKazakh(kk), foldKazakh(ru)) > Math.max(2, Math.floor(ru.length / 3))) return { kk: null, ru };
  return { kk, ru };
}

// ---------- Transliteration (for names GeoNames gives in Latin script only) ----------
// Latin place names in GeoNames follow two conventions: the BGN/PCGN romanisation of Russian ("Zhansugurov",
// "Khorgos") and Kazakh Latin spellings (the 2021 alphabet's q ğ ñ ö ü ū ä ı ş ç, older "Qabilanbek", "awılı").
// `latinToCyrillic` reads both. With `kazakh` the letters Kazakh has (қ ғ ң ө ү ұ ә) are kept; without, they fold
// to their Russian look-alikes. A transliterated name is marked as such in the data (`transliterated`).
const DIGRAPHS: [RegExp, string, string][] = [
  // pattern, Kazakh, Russian
  [/shch/g, 'щ', 'щ'], [/sh/g, 'ш', 'ш'], [/ch/g, 'ч', 'ч'], [/zh/g, 'ж', 'ж'], [/kh/g, 'х', 'х'], [/ts/g, 'ц', 'ц'],
  [/gh/g, 'ғ', 'г'], [/ya/g, 'я', 'я'], [/yu/g, 'ю', 'ю'], [/yo/g, 'ё', 'ё'], [/ye/g, 'е', 'е'],
];
const LETTERS: Record<string, [string, string]> = {
  a: ['а', 'а'], b: ['б', 'б'], c: ['к', 'к'], d: ['д', 'д'], e: ['е', 'е'], f: ['ф', 'ф'], g: ['г', 'г'], h: ['х', 'х'],
  i: ['и', 'и'], j: ['ж', 'ж'], k: ['к', 'к'], l: ['л', 'л'], m: ['м', 'м'], n: ['н', 'н'], o: ['о', 'о'], p: ['п', 'п'],
  q: ['қ', 'к'], r: ['р', 'р'], s: ['с', 'с'], t: ['т', 'т'], u: ['у', 'у'], v: ['в', 'в'], w: ['у', 'у'], x: ['х', 'х'],
  z: ['з', 'з'], ä: ['ә', 'а'], ğ: ['ғ', 'г'], ñ: ['ң', 'н'], ö: ['ө', 'о'], ü: ['ү', 'у'], ū: ['ұ', 'у'], ı: ['ы', 'ы'],
  ï: ['и', 'и'], ī: ['и', 'и'], ş: ['ш', 'ш'], ç: ['ч', 'ч'], é: ['е', 'е'], '’': ['ь', 'ь'], "'": ['ь', 'ь'], 'ʼ': ['ь', 'ь'],
};
const CYR_VOWELS = 'аәеёиоөуұүыіэюя';

function transliterateWord(word: string, kazakh: boolean): string {
  const k = kazakh ? 1 : 2;
  let s = word.toLowerCase();
  // ye after a consonant is ье (Zaporozhye → Запорожье), after a vowel е (Maloye → Малое)
  s = s.replace(/([bcdfghjklmnpqrstvwxz])ye/g, '$1ъye');
  for (const d of DIGRAPHS) s = s.replace(d[0], d[k]);
  s = s.replace(/ъ/g, 'ь');
  let out = '';
  for (const ch of s) {
    if (ch === 'y') {
      // й after a vowel (Aktogay → Актогай, Moyynkum → Мойынкум), ы elsewhere (Kokpekty → Кокпекты) and after у,
      // where Kazakh writes уы (Bauyrzhan → Бауыржан)
      const prev = out[out.length - 1] ?? '';
      out += prev && prev !== 'у' && CYR_VOWELS.includes(prev) ? 'й' : 'ы';
      continue;
    }
    const mapped = LETTERS[ch];
    out += mapped ? mapped[k - 1] : ch;
  }
  // Keep the word's capital letter.
  return word[0] && word[0] !== word[0].toLowerCase() ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** A Latin place name in Cyrillic: Kazakh letters kept (`kazakh`) or folded to Russian ones. */
export function latinToCyrillic(latin: string, kazakh: boolean): string {
  return latin.normalize('NFC').split(/(\s+|-)/).map((part) => (/^\s+$|^-$/.test(part) ? part : transliterateWord(part, kazakh))).join('');
}
