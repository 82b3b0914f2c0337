/**
 * Geometry of the charts drawn at build time as SVG: column charts (articles per month or year)
 * and bar lists (top tags and authors). Pure arithmetic over plain numbers; components only turn
 * the shapes into elements.
 */
import type { ArchiveOverview } from './archive-groups';

/** One value of a chart. */
export interface ChartDatum {
  /** Stable identity, e.g. `2024-02` or a tag's slug. */
  key: string;
  /** What the value counts, as readers read it ("Februari 2024", "Jakarta"). */
  label: string;
  /** The count. */
  value: number;
  /** Text under the column on the axis; columns without one stay unlabelled to avoid crowding. */
  axisLabel?: string | undefined;
  /** Site path of the value's archive page, for the data table. */
  path?: string | undefined;
}

/** A column of a column chart, in SVG user units. */
export interface Column {
  /** Left edge. */
  x: number;
  /** Top edge. */
  y: number;
  /** Width. */
  width: number;
  /** Height; 0 for a zero value. */
  height: number;
  /** The value drawn. */
  datum: ChartDatum;
}

/** A horizontal grid line with its value. */
export interface Tick {
  /** The value at the line. */
  value: number;
  /** Vertical position of the line. */
  y: number;
}

/** A laid-out column chart. */
export interface ColumnChart {
  /** Width of the drawing. */
  width: number;
  /** Height of the drawing. */
  height: number;
  /** Left edge of the plot area (tick labels sit to its left). */
  plotLeft: number;
  /** Right edge of the plot area. */
  plotRight: number;
  /** Baseline of the columns. */
  baseline: number;
  /** Columns, in the order given. */
  columns: Column[];
  /** Grid lines from 0 up to the top of the scale. */
  ticks: Tick[];
}

/** Size of a column chart's drawing. */
export interface ColumnChartOptions {
  /** Width of the drawing. */
  width?: number;
  /** Height of the drawing. */
  height?: number;
  /** Room left of the plot for tick labels. */
  left?: number;
  /** Room under the baseline for axis labels. */
  bottom?: number;
  /** Room above the plot. */
  top?: number;
  /** Share of each slot the column fills, between 0 and 1. */
  fill?: number;
}

/**
 * Whole-number grid values from 0 to a round top at or above `max`, about `count` steps: 0, 5, 10
 * for a maximum of 9. Counts of articles are whole, so steps never go below 1.
 */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(
    1,
    [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!,
  );
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: top / step + 1 }, (_, index) => index * step);
}

/** Lays out one column per datum, scaled so the top grid line is at or above the largest value. */
export function layoutColumnChart(data: readonly ChartDatum[], options: ColumnChartOptions = {}): ColumnChart {
  const { width = 720, height = 240, left = 36, bottom = 28, top = 12, fill = 0.7 } = options;
  const plotLeft = left;
  const plotRight = width - 4;
  const baseline = height - bottom;
  const values = niceTicks(Math.max(0, ...data.map((datum) => datum.value)));
  const scaleTop = values.at(-1)!;
  const plotHeight = baseline - top;
  const slot = data.length === 0 ? 0 : (plotRight - plotLeft) / data.length;
  const columns = data.map((datum, index): Column => {
    const columnHeight = (datum.value / scaleTop) * plotHeight;
    const columnWidth = slot * fill;
    return {
      x: round(plotLeft + index * slot + (slot - columnWidth) / 2),
      y: round(baseline - columnHeight),
      width: round(columnWidth),
      height: round(columnHeight),
      datum,
    };
  });
  const ticks = values.map((value) => ({ value, y: round(baseline - (value / scaleTop) * plotHeight) }));
  return { width, height, plotLeft, plotRight, baseline, columns, ticks };
}

/** One row of a bar list. */
export interface BarRow {
  /** Top of the row. */
  y: number;
  /** Length of the bar, from the left edge of the bar area. */
  barWidth: number;
  /** The value drawn. */
  datum: ChartDatum;
}

/** A laid-out bar list: one labelled horizontal bar per value, longest first as given. */
export interface BarList {
  /** Width of the drawing. */
  width: number;
  /** Height of the drawing. */
  height: number;
  /** Left edge of the bars; labels sit left of it. */
  barLeft: number;
  /** Height of each bar. */
  barHeight: number;
  /** Rows, top to bottom. */
  rows: BarRow[];
}

/** Lays out horizontal bars scaled to the largest value, leaving room on the right for the count. */
export function layoutBarList(
  data: readonly ChartDatum[],
  options: { width?: number; labelWidth?: number; rowHeight?: number; countWidth?: number } = {},
): BarList {
  const { width = 720, labelWidth = 200, rowHeight = 28, countWidth = 48 } = options;
  const max = Math.max(1, ...data.map((datum) => datum.value));
  const room = width - labelWidth - countWidth;
  return {
    width,
    height: data.length * rowHeight,
    barLeft: labelWidth,
    barHeight: round(rowHeight * 0.65),
    rows: data.map((datum, index) => ({
      y: index * rowHeight,
      barWidth: round((datum.value / max) * room),
      datum,
    })),
  };
}

/** A month of the archive, for the articles-per-month chart. */
export interface ArchiveMonth {
  /** Four-digit year. */
  year: string;
  /** Month number, 1–12. */
  month: number;
  /** Articles published in the month. */
  count: number;
  /** The month's archive page; absent for an empty month. */
  path?: string | undefined;
}

/**
 * Every month from the archive's first article to its last, oldest first, empty months included so
 * that gaps in publishing show as gaps in the chart.
 */
export function listArchiveMonths(overview: ArchiveOverview): ArchiveMonth[] {
  const all = [...overview.years]
    .sort((a, b) => a.year.localeCompare(b.year))
    .flatMap((year) =>
      year.months.map((month) => ({ year: year.year, month: month.month, count: month.count, path: month.path })),
    );
  const first = all.findIndex((month) => month.count > 0);
  const last = all.findLastIndex((month) => month.count > 0);
  return first === -1 ? [] : all.slice(first, last + 1);
}

// Two decimals keep the SVG short without visible rounding.
function round(value: number): number {
  return Math.round(value * 100) / 100;
}
