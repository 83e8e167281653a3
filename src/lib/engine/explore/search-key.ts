// One search key for a name in any of the scripts planners type: Kazakh or Russian Cyrillic, English, or a Latin
// transliteration of either ("Zaysan", "Зайсан", "Зайсаң", "zaisan" give the same key). The key folds what the
// scripts and romanisations disagree on: Kazakh letters to their Russian look-alikes, й/ы/і/y/ı to i, q to k,
// kh/x/һ to h, j to zh, w to u, diacritics and punctuation away, case away.
const CYRILLIC: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u',
  ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', і: 'i',
};
// Latin letters whose diacritic changes the sound (Kazakh Latin, Turkish-style): mapped before diacritics go.
const LATIN_SPECIAL: Record<string, string> = { ş: 'sh', ç: 'ch', ı: 'i', ñ: 'n', ğ: 'g', ä: 'a', ö: 'o', ü: 'u', ū: 'u', ï: 'i', ī: 'i' };

export function searchKey(text: string): string {
  let s = text.toLowerCase();
  let out = '';
  for (const ch of s) out += CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch;
  s = out.normalize('NFD').replace(/\p{M}/gu, '');
  s = s
    .replace(/kh/g, 'h').replace(/x/g, 'h').replace(/q/g, 'k').replace(/w/g, 'u').replace(/j/g, 'zh').replace(/zzh/g, 'zh')
    .replace(/dzh/g, 'zh').replace(/y/g, 'i').replace(/c(?!h)/g, 'k')
    .replace(/[’'ʼ`"]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  // A doubled i (ий, iy, ии) is one sound in names: Аяцкий / Ayatskiy
  return s.replace(/ii+/g, 'i');
}
