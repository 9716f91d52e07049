export interface WeekBar {
  weekStart: string;
  habits: number;
  goals: number;
}

/** Stacked bars of habit logs and completed goals per week; the table beneath is for screen readers. */
export function CompletionsChart({ weeks, habitLabel, goalLabel }: { weeks: WeekBar[]; habitLabel: string; goalLabel: string }) {
  const max = Math.max(1, ...weeks.map((w) => w.habits + w.goals));
  const width = 600;
  const height = 160;
  const gap = 8;
  const barWidth = (width - gap * (weeks.length - 1)) / weeks.length;
  const total = weeks.reduce((sum, w) => sum + w.habits + w.goals, 0);
  return (
    <figure className="flex flex-col gap-3">
      <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full" role="img" aria-label={`${total} completions in the last ${weeks.length} weeks`} data-testid="completions-chart">
        {weeks.map((week, index) => {
          const x = index * (barWidth + gap);
          const habitHeight = (week.habits / max) * height;
          const goalHeight = (week.goals / max) * height;
          return (
            <g key={week.weekStart}>
              <title>{`Week of ${week.weekStart}: ${week.habits} ${habitLabel}, ${week.goals} ${goalLabel}`}</title>
              <rect x={x} y={height - habitHeight} width={barWidth} height={habitHeight} rx={3} className="fill-brand" />
              <rect x={x} y={height - habitHeight - goalHeight} width={barWidth} height={goalHeight} rx={3} className="fill-brand-accent" />
              <rect x={x} y={height} width={barWidth} height={2} className="fill-slate-200" />
              {index % 2 === 0 ? (
                <text x={x + barWidth / 2} y={height + 16} textAnchor="middle" className="fill-slate-500 text-[10px]">
                  {week.weekStart.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex gap-4 text-xs text-slate-600">
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-brand" aria-hidden /> {habitLabel}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-3 w-3 rounded-sm bg-brand-accent" aria-hidden /> {goalLabel}
        </span>
      </figcaption>
      {/* A table ignores a 1px width and stays as wide as its cells: the wrapper hides it. */}
      <div className="sr-only">
      <table>
        <caption>Completions per week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">{habitLabel}</th>
            <th scope="col">{goalLabel}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <td>{week.weekStart}</td>
              <td>{week.habits}</td>
              <td>{week.goals}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
