// The words and legend an exported image, a slide and a brief carry, from the shared state in the UI language.
import { classesFor } from '../../map/classes.ts';
import { PALETTE } from '../../map/palette.ts';
import { SUPPORT_RING } from '../../map/settlement-paint.ts';
import { classLabel } from '../mapview/legend-labels.ts';
import { fmtInt, t } from '../../i18n/index.ts';
import type { Lang } from '../../engine/types.ts';
import type { LegendEntry } from '../../present/poster.ts';
import type { PosterText } from '../../present/capture.ts';
import { atlas } from '../state/atlas.svelte.ts';
import { present } from './present-state.svelte.ts';
import { imports } from '../state/import.svelte.ts';
import { buildSourcesLine, type LoadedSources } from '../../i18n/sources.ts';

/** Today's date as YYYY-MM-DD (local). */
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The classes shown on the map (not hidden, not unavailable) with their counts, and the border lines. */
export function legendEntries(lang: Lang): LegendEntry[] {
  const r = atlas.results;
  if (!r) return [];
  const classes = classesFor(r.mode, r.breaks, atlas.dataset?.hasDistricts ?? false);
  const out: LegendEntry[] = [];
  classes.forEach((c, i) => {
    if (c.unavailable || atlas.hidden.includes(c.key)) return;
    const n = r.explore.filteredCounts[i] ?? 0;
    if (n === 0) return;
    out.push({ label: classLabel(lang, r.mode, c.key, r.breaks), colour: c.colour, count: fmtInt(lang, n) });
  });
  out.push({ label: t(lang, 'supportRing'), colour: SUPPORT_RING, ring: true });
  out.push({ label: t(lang, 'chinaBorder'), colour: PALETTE.chinaBorder, line: 5 });
  out.push({ label: t(lang, 'russiaBorder'), colour: PALETTE.russiaBorder, line: 4 });
  return out;
}

export function autoSubtitle(lang: Lang): string {
  const r = atlas.results;
  const parts = [t(lang, `mode.${atlas.mode}`)];
  if (r && atlas.dataset) parts.push(t(lang, 'present.filtered', { n: fmtInt(lang, r.explore.count), total: fmtInt(lang, atlas.dataset.ids.length) }));
  parts.push(today());
  return parts.join(' · ');
}

/** What is loaded, for the one sources line (i18n/sources.ts): the imported file (never synthetic), a synthetic
 *  benchmark register, or the embedded data; and the boundary layers. */
export function loadedSources(): LoadedSources {
  const src = imports.source;
  const data: LoadedSources['data'] = src
    ? { kind: 'imported', fileName: src.fileName, rows: imports.rows?.counts?.onMap ?? null, importedOn: src.importedOn ?? null }
    : atlas.dataset?.synthetic ? { kind: 'synthetic', rows: atlas.dataset.synthetic } : { kind: 'embedded' };
  // the credit typed at import, else the one read from the layer's fields, else none (the file name is given)
  const boundaries = (['adm1', 'adm2'] as const).flatMap((level) => {
    const s = imports.boundaryInfo[level];
    return s ? [{ fileName: s.fileName, credit: imports.boundaryCredit[level] ?? s.boundaries?.credit?.text ?? null }] : [];
  });
  return { data, boundaries };
}

export function sourcesLine(lang: Lang): string {
  return buildSourcesLine(lang, loadedSources());
}

export function posterText(lang: Lang, override?: { title?: string; subtitle?: string }): PosterText {
  return {
    title: override?.title || present.title || t(lang, 'title'),
    subtitle: override?.subtitle ?? (present.subtitle || autoSubtitle(lang)),
    legendTitle: `${t(lang, 'legend')} · ${t(lang, `mode.${atlas.results?.mode ?? atlas.mode}`)}`,
    legend: legendEntries(lang),
    km: t(lang, 'km'),
    sources: sourcesLine(lang),
    north: t(lang, 'present.north'),
  };
}
