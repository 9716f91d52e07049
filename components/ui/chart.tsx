'use client';

// The shared look of every chart: one frame (a ResponsiveContainer of a fixed height), the same
// axes, grid, tooltip box and legend, brand colours through the tenant's CSS variables, and a
// text alternative that screen readers get and that never widens the page.

import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { cn } from './cn';

export const CHART_COLORS = {
  brand: 'var(--brand-primary)',
  accent: 'var(--brand-accent)',
  secondary: 'var(--brand-secondary)',
  ok: '#10b981',
  warning: '#f59e0b',
  error: '#ef4444',
  muted: '#94a3b8',
  grid: '#e2e8f0',
  text: '#475569',
  marker: '#0f172a',
} as const;

export interface ChartSeries<K extends string = string> {
  key: K;
  label: string;
  color: string;
}

/** Axis props shared by every chart: small but legible ticks (12 px), no tick marks, a light axis line. */
export const axisProps = {
  tick: { fontSize: 12, fill: CHART_COLORS.text },
  tickLine: false,
  axisLine: { stroke: CHART_COLORS.grid },
} as const;

export const gridProps = { stroke: CHART_COLORS.grid, strokeDasharray: '3 3', vertical: false } as const;

/**
 * The label of a "today" / "this week" band on the last bar: above it, ending at its right
 * edge (Recharts centres it, which runs past the chart's edge at 390 px). Use it as a
 * ReferenceArea's `label={<EndMarkerLabel value="Today" />}`.
 */
export function EndMarkerLabel({ value, viewBox }: { value: string; viewBox?: { x?: number; y?: number; width?: number } }) {
  if (viewBox?.x === undefined || viewBox.y === undefined) return null;
  return (
    <text x={viewBox.x + (viewBox.width ?? 0)} y={viewBox.y - 8} textAnchor="end" fontSize={12} fill={CHART_COLORS.text}>
      {value}
    </text>
  );
}

/**
 * The chart's box. Recharts measures its parent in the browser; on the server (and before the
 * first measurement) it renders an empty box of this height at 100% width, so the server
 * markup cannot be wider than its column. When the window narrows, the drawing keeps its old
 * width until Recharts hears of the resize: clipped sideways meanwhile (not hidden: tooltips
 * may still reach above and below), so it never gives the page a horizontal scroll.
 */
export function ChartFrame({ height = 240, testId, children, className }: { height?: number; testId?: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn('w-full min-w-0 overflow-x-clip', className)} style={{ height }} data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%" minWidth={0}>
        {children as React.ReactElement}
      </ResponsiveContainer>
    </div>
  );
}

/** The tooltip box: a heading (the category) and one row per series with its swatch. */
export function ChartTooltip({
  active,
  payload,
  label,
  formatLabel,
  formatValue,
  footer,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ dataKey?: unknown; name?: unknown; value?: unknown; color?: string }>;
  label?: unknown;
  formatLabel: (label: string) => string;
  formatValue: (value: number, key: string) => string;
  footer?: (label: string) => ReactNode;
}) {
  if (!active || !payload?.length) return null;
  const heading = String(label ?? '');
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md" data-testid="chart-tooltip">
      <p className="mb-1 font-semibold text-slate-900">{formatLabel(heading)}</p>
      <ul className="flex flex-col gap-0.5">
        {payload.map((entry) => (
          <li key={String(entry.dataKey)} className="flex items-center gap-2 text-slate-700">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: entry.color }} aria-hidden />
            <span>{String(entry.name ?? '')}</span>
            <span className="ms-auto ps-3 font-medium text-slate-900 tabular-nums">{formatValue(Number(entry.value ?? 0), String(entry.dataKey))}</span>
          </li>
        ))}
      </ul>
      {footer ? <div className="mt-1 text-slate-500">{footer(heading)}</div> : null}
    </div>
  );
}

/** The legend as HTML (wraps on narrow screens, unlike an SVG legend). */
export function ChartLegend({ series, children }: { series: readonly ChartSeries[]; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      {series.map((s) => (
        <span key={s.key} className="flex items-center gap-1.5">
          <span className="inline-block h-3 w-3 rounded-sm" style={{ background: s.color }} aria-hidden /> {s.label}
        </span>
      ))}
      {children}
    </div>
  );
}

/**
 * The chart's data as a table for screen readers. The wrapper is the visually-hidden box: a
 * table given `sr-only` itself still lays out at its content's width and scrolls the page.
 */
export function ChartDataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  return (
    <div className="sr-only">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
