// Counts and shares of each category, in the programme's order (support, satellite, strategic, other).
import type { Category } from './types.ts';
import { CATEGORIES } from './classify.ts';

export interface CategoryShare {
  category: Category;
  count: number;
  /** Percent of all settlements, 1 decimal. */
  percent: number;
}

export function categoryShares(categories: Iterable<Category>): CategoryShare[] {
  const counts = new Map<Category, number>(CATEGORIES.map((c) => [c, 0]));
  let total = 0;
  for (const c of categories) {
    counts.set(c, (counts.get(c) ?? 0) + 1);
    total++;
  }
  return CATEGORIES.map((category) => {
    const count = counts.get(category)!;
    return { category, count, percent: total ? Math.round((1000 * count) / total) / 10 : 0 };
  });
}

/** "support 21 (10.8%), satellite 40 (20.5%), …" */
export const formatShares = (shares: CategoryShare[]) => shares.map((s) => `${s.category} ${s.count} (${s.percent}%)`).join(', ');
