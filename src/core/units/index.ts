/**
 * Units: the one place durations, sizes, rates, percentages and counts are parsed from what
 * people write and formatted for what people read, so the terminal, Markdown, HTML, thresholds
 * and error messages agree on how a value reads.
 */

export { type ByteStyle, formatBytes, tryParseBytes } from './bytes.js';
export { formatCount, formatCountOf, MISSING } from './count.js';
export { type DurationStyle, formatDuration, parseDuration, tryParseDuration } from './duration.js';
export { formatPercent, parsePercent, tryParsePercent } from './percent.js';
export { formatRate, parseRate, type RateStyle, tryParseRate } from './rate.js';
