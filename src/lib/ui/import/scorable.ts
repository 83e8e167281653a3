// The import summary's sentence on the points the file can score (issue 22 item 4): «Файл 100 ұпайдың 96 ұпайын
// бағалай алады; жоқ: has_internet (инфрақұрылым, 4 ұпай)», in the UI language.
import { fmtInt, isKey, t, type Lang } from '../../i18n/index.ts';
import type { ImportSummary } from '../../worker/import-protocol.ts';

export function scorableSentence(lang: Lang, scorable: NonNullable<ImportSummary['scorable']>): string {
  const block = (id: string) => {
    const key = `imp.block.${id}`;
    return isKey(key) ? t(lang, key) : id;
  };
  // columns applied as rules only (0 points) are named in the problems, not in this sentence about points
  const list = scorable.absent.filter((a) => a.points > 0).map((a) => t(lang, 'imp.scorableItem', { column: a.column, block: block(a.block), points: fmtInt(lang, a.points) })).join(', ');
  return t(lang, 'imp.scorable', { available: fmtInt(lang, scorable.available), total: fmtInt(lang, scorable.total), absent: list ? t(lang, 'imp.scorableAbsent', { list }) : '' });
}
