/**
 * How early a first `progress` event may be and still be measured from zero: a page that opens
 * within this long of the start knows nothing was sent and nobody was running at 0:00, so the
 * Statistics tab's rates and the charts' first point start from zero rather than from unknown.
 */

export const FIRST_BASELINE_MS = 3000;
