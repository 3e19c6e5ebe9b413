// The charts' colours as plain hex values (the theme's tokens in app/globals.css), not CSS
// variables: a chart exported as PNG is drawn outside the page, where the variables do not exist.
export const chartColours = {
  critical: '#dc2626',
  high: '#c2410c',
  medium: '#a16207',
  low: '#15803d',
  accent: '#4f46e5',
  muted: '#5d5d6b',
  grid: '#e3e3e8',
  band: '#c7d2fe',
} as const;

const series = ['#4f46e5', '#0f766e', '#c2410c', '#7c3aed', '#0369a1', '#a16207', '#be185d', '#15803d'];

/** The colour of the `index`-th line of a chart with several (milestones), repeating after eight. */
export function seriesColour(index: number): string {
  return series[index % series.length]!;
}
