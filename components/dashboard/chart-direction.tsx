'use client';

import { useLocale } from 'next-intl';
import { CHART_COLORS } from '@/components/ui/chart';
import { directionOf, languageOf } from '@/lib/i18n/languages';

// Charts in a right-to-left language: time runs from right to left (the newest week at the
// left edge) and the value axis stands on the right, as the rest of the page is mirrored.
// The drawing itself stays left to right: SVG reads text-anchor "end" as the left edge under
// direction: rtl, which would push every tick label into the plot.

type Margin = { top: number; right: number; bottom: number; left: number };

export function useChartDirection() {
  const rtl = directionOf(languageOf(useLocale()) ?? 'en') === 'rtl';
  return {
    rtl,
    /** For ChartFrame's className. */
    frameClassName: '[&_svg]:[direction:ltr]',
    margin: (margin: Margin): Margin => (rtl ? { ...margin, left: margin.right, right: margin.left } : margin),
    xAxis: { reversed: rtl },
    yAxis: { orientation: rtl ? ('right' as const) : ('left' as const) },
  };
}

/**
 * EndMarkerLabel's mirror for a reversed time axis: the "today" / "this week" label starts at
 * the left edge of the newest band (now the first), so it never runs past the chart's edge.
 */
export function StartMarkerLabel({ value, viewBox }: { value: string; viewBox?: { x?: number; y?: number; width?: number } }) {
  if (viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text x={viewBox.x} y={viewBox.y - 8} textAnchor="start" fontSize={12} fill={CHART_COLORS.text}>
      {value}
    </text>
  );
}
