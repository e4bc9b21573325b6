/**
 * The browser function that labels time axes (the HTML report's and the web UI's charts):
 * seconds since the start as 0:05, 1:30, 1:02:03. Plain ES2017 in a string, for inlining.
 */

export const AXIS_CLOCK_SCRIPT = String.raw`
/** Axis labels: 0:05, 1:30, 1:02:03 (seconds, rounded). */
function axisClock(seconds) {
  var s = Math.max(0, Math.round(seconds));
  var h = Math.floor(s / 3600);
  var m = Math.floor((s % 3600) / 60);
  var r = s % 60;
  var mmss = (h > 0 && m < 10 ? '0' : '') + m + ':' + (r < 10 ? '0' : '') + r;
  return h > 0 ? h + ':' + mmss : mmss;
}
`;
