// Counts and shares of each category, in the programme's order (support, satellite, strategic, other), of rural
// settlements only: a town is outside the rural programme, counted apart and never in a share.
import type { Category } from './types.ts';
import { CATEGORIES } from './classify.ts';

export interface CategoryShare {
  category: Category;
  count: number;
  /** Percent of the rural settlements, 1 decimal; null for 'town' (not a rural category). */
  percent: number | null;
}

export function categoryShares(categories: Iterable<Category>): CategoryShare[] {
  const counts = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
  let rural = 0;
  for (const c of categories) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    if (c !== 'town') rural++;
  }
  return CATEGORIES.map((category) => {
    const count = counts.get(category)!;
    const percent = category === 'town' ? null : rural ? Math.round((1000 * count) / rural) / 10 : 0;
    return { category, count, percent };
  });
}

/** "support 21 (10.8% of rural), satellite 40 (20.5% of rural), …, town 5 (outside the rural programme)" */
export const formatShares = (shares: CategoryShare[]) =>
  shares.map((s) => (s.percent === null ? `${s.category} ${s.count} (outside the rural programme)` : `${s.category} ${s.count} (${s.percent}% of rural)`)).join(', ');
