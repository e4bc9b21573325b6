// Figures for the reports: medians, number formats and Markdown tables.

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const fmt = (n, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';

export const mb = (bytes) => fmt(bytes / 1024 / 1024, 1);

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

/** Progress for the person watching, on stderr (stdout carries the report). */
export const log = (line) => process.stderr.write(`  ${line}\n`);

/** Seconds and reps from the environment, shared by every bench (BENCH_SECONDS, BENCH_REPS). */
export function knob(name, fallback) {
  const value = process.env[name];
  return value === undefined || value === '' ? fallback : Number(value);
}
