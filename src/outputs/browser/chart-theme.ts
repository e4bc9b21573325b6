/**
 * The look both pages give their uPlot charts (the HTML report's and the web UI's): axis
 * colours and font from the page's CSS variables (so the dark theme applies), translucent fills,
 * solid legend swatches, y ranges from zero, and redraws at most once per frame on resize.
 */

import type UPlot from 'uplot';

export function cssVar(name: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim();
}

/** `#rrggbb` with an opacity, for the area under a line. */
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
}

/** A y range from zero to a little above the highest value (1 when there is none). */
export function fromZero(_u: UPlot, _min: number | null, max: number | null): UPlot.Range.MinMax {
  return [0, max !== null && max > 0 ? max * 1.08 : 1];
}

export interface AxisTheme {
  muted: string;
  grid: string;
  font: string;
}

/** Read when a chart is created: the page's stylesheet decides the colours. */
export function axisTheme(): AxisTheme {
  return { muted: cssVar('--muted'), grid: cssVar('--grid'), font: '12px ' + cssVar('--font') };
}

/** An axis in the page's colours, with `extra` on top. */
export function themedAxis(theme: AxisTheme, extra: UPlot.Axis): UPlot.Axis {
  return {
    stroke: theme.muted,
    font: theme.font,
    labelFont: theme.font,
    grid: { stroke: theme.grid, width: 1 },
    ticks: { stroke: theme.grid, width: 1, size: 4 },
    ...extra,
  };
}

/** Solid swatches: uPlot's default leaves a series without a fill as an empty square. */
export function legendMarkers(colors: readonly string[]): UPlot.Legend.Markers {
  return { fill: (_u: UPlot, i: number) => (i === 0 ? 'transparent' : (colors[i - 1] ?? 'transparent')) };
}

/** Runs `resize` once per animation frame however many resize events the window fires. */
export function onWindowResize(resize: () => void): void {
  let pending = 0;
  window.addEventListener('resize', () => {
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      pending = 0;
      resize();
    });
  });
}
