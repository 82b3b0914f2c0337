/**
 * The numbers behind the charts of `/archive/` and `/stats/`: articles per year and per month over
 * the whole archive, and the tags and authors with the most articles, labelled in a language.
 */
import { listArchiveMonths, type ChartDatum } from '../lib/archive/charts';
import { formatMonthName } from '../lib/core/dates';
import { termPath } from '../lib/core/routes';
import { sortTermsByCount } from '../lib/archive/term-order';
import type { Lang } from '../site.config';
import { getArchiveOverview, getTerms, type TermKind } from './archives';
import { hasTermPages } from './articles';

/** How many tags and authors the statistics page ranks. */
export const TOP_TERMS = 10;

/** Articles per year, oldest year first, each linked to its archive. */
export async function getArticlesPerYear(): Promise<ChartDatum[]> {
  const overview = await getArchiveOverview();
  return [...overview.years]
    .reverse()
    .map((year) => ({ key: year.year, label: year.year, value: year.total, axisLabel: year.year, path: year.path }));
}

/**
 * Articles per month from the first article to the last, empty months included; the axis names
 * the year under each January (and under the first month shown).
 */
export async function getArticlesPerMonth(lang: Lang): Promise<ChartDatum[]> {
  const months = listArchiveMonths(await getArchiveOverview());
  return months.map((month, index) => ({
    key: `${month.year}-${String(month.month).padStart(2, '0')}`,
    label: `${formatMonthName(month.month, { lang })} ${month.year}`,
    value: month.count,
    axisLabel: index === 0 || month.month === 1 ? month.year : undefined,
    path: month.path,
  }));
}

/** The tags or authors with the most articles, most first, at most {@link TOP_TERMS}. */
export async function getTopTerms(kind: TermKind, lang: Lang): Promise<ChartDatum[]> {
  return sortTermsByCount(await getTerms(kind), lang)
    .slice(0, TOP_TERMS)
    .map((term) => ({
      key: term.slug,
      label: term.name,
      value: term.items.length,
      ...(hasTermPages(kind) ? { path: termPath(kind, term.slug) } : {}),
    }));
}
