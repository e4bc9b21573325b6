/**
 * JUnit XML reports (`--junit file.xml`): thresholds and checks as test cases for CI servers.
 * Other layers import from here only.
 */

export { JUnitOutput, writeJUnitReport } from './junit-output.js';
export {
  CHECKS_SUITE,
  checkFailureMessage,
  formatJUnitReport,
  THRESHOLDS_SUITE,
  thresholdFailureMessage,
  thresholdLimit,
} from './junit-report.js';
export { escapeXmlAttribute, escapeXmlText, stripIllegalXmlChars } from './xml.js';
