// A suggested support's name in the UI language: the register's name in that language, else in another, else the id.
import type { Lang } from '../../engine/types.ts';
import type { NetworkSupportLine } from '../../worker/network-source.ts';

const FALLBACK: Record<Lang, Lang[]> = { kk: ['kk', 'ru', 'en'], ru: ['ru', 'kk', 'en'], en: ['en', 'ru', 'kk'] };

export function lineName(line: Pick<NetworkSupportLine, 'id' | 'names'>, lang: Lang): string {
  for (const l of FALLBACK[lang]) if (line.names[l]) return line.names[l]!;
  return line.id;
}
