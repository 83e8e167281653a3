// Picks a Kazakh and a Russian name out of GeoNames' untagged list of alternate names.
// Kazakh: a Cyrillic name that uses letters only Kazakh has (ә ғ қ ң ө ұ ү һ і). Russian: a Cyrillic name without
// them. Where several qualify, the one closest (edit distance) to the place's Latin name wins, so that a current
// name beats a Soviet-era one (Жанаозен rather than Новый Узень).
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

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
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
