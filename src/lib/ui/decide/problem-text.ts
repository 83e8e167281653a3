// A config problem in the UI language: the path named in words where we know it, the message translated for the
// common cases (an inverted threshold, block points that do not add up, medium above high), else as written.
import type { Lang } from '../../engine/types.ts';
import type { ConfigProblem } from '../../engine/config/validate.ts';
import type { Methodology } from '../../engine/config/schema.ts';
import { t } from '../../i18n/index.ts';

export function problemText(lang: Lang, p: ConfigProblem, config?: Methodology): string {
  const ind = /indicators\[(\d+)\]/.exec(p.path);
  const blk = /blocks\[(\d+)\]/.exec(p.path);
  const where = ind && config?.indicators[Number(ind[1])] ? config.indicators[Number(ind[1])].label[lang]
    : blk && config?.blocks[Number(blk[1])] ? config.blocks[Number(blk[1])].label[lang] : null;
  let message = p.message;
  if (/needs full (>|<) zero/.test(p.message) || /needs points that do not/.test(p.message)) message = t(lang, 'problem.inverted');
  else if (/enabled indicators add up to/.test(p.message)) message = t(lang, 'problem.blockSum', { sum: /add up to ([\d.e-]+)/.exec(p.message)?.[1] ?? '?' });
  else if (p.path.endsWith('potential.medium') && /must not exceed/.test(p.message)) message = t(lang, 'problem.mediumAboveHigh');
  else if (/zero and full must differ/.test(p.message)) message = t(lang, 'problem.zeroFull');
  else if (/not JSON/.test(p.message)) message = t(lang, 'problem.notJson');
  else if (p.path === 'format' || p.path === 'version') message = t(lang, 'problem.notScenario');
  return `${where ? `${where} — ` : ''}${message}${p.path.startsWith('(') ? '' : ` (${p.path})`}`;
}
