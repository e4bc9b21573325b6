import { describe, expect, it } from 'vitest';
import type { Result } from '../../../../src/metrics/result.js';
import {
  formatJUnitReport,
  thresholdFailureMessage,
  thresholdLimit,
} from '../../../../src/outputs/junit/index.js';
import { fixtureResult } from '../fixture-result.js';
import { findAll, readXml, type XmlNode } from './xml-reader.js';

const FIXTURE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="volley" tests="8" failures="3" errors="0" skipped="0" time="30.000">
  <testsuite name="volley thresholds" tests="5" failures="2" errors="0" skipped="0" time="30.000" timestamp="2025-03-01T10:00:00" hostname="ci-runner-7">
    <properties>
      <property name="scenario" value="platform"/>
      <property name="load" value="50 users at 10/s for 30s"/>
      <property name="users" value="50"/>
    </properties>
    <testcase name="p95&lt;300ms" classname="platform" time="0.000"/>
    <testcase name="AuthUser:successRate&gt;=99%" classname="platform" time="0.000"/>
    <testcase name="GenerationUser:p99&lt;1s" classname="platform" time="0.000">
      <failure message="actual 1,210ms, limit &lt;1s" type="threshold">threshold: GenerationUser:p99&lt;1s
actual: 1,210ms
limit: &lt;1s</failure>
    </testcase>
    <testcase name="POST /api/v1/generation/create:failRate&lt;5%" classname="platform" time="0.000"/>
    <testcase name="GET /api/v1/missing:p95&lt;100ms" classname="platform" time="0.000">
      <failure message="no requests matched, limit &lt;100ms" type="threshold">threshold: GET /api/v1/missing:p95&lt;100ms
actual: no data
limit: &lt;100ms
note: no requests matched</failure>
    </testcase>
  </testsuite>
  <testsuite name="volley checks" tests="3" failures="1" errors="0" skipped="0" time="30.000" timestamp="2025-03-01T10:00:00" hostname="ci-runner-7">
    <testcase name="GenerationUser · status is 202" classname="platform" time="0.000">
      <failure message="25 of 600 failed (4.2%)" type="check">575 passed, 25 failed</failure>
    </testcase>
    <testcase name="AuthUser · token present" classname="platform" time="0.000"/>
    <testcase name="GenerationUser · has id" classname="platform" time="0.000"/>
  </testsuite>
</testsuites>
`;

/** An aborted run with one threshold that aborted it and no checks. */
function abortedResult(): Result {
  const result = fixtureResult();
  result.ok = false;
  result.outcome = 'aborted';
  result.abortReason = 'threshold p95<300ms failed';
  result.durationMs = 12_345;
  result.checks = [];
  result.thresholds = [
    { expression: 'p95<300ms', ok: false, actual: 312, actualText: '312ms', abortOnFail: true },
  ];
  return result;
}

const ABORTED_XML = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="volley" tests="2" failures="1" errors="1" skipped="0" time="12.345">
  <testsuite name="volley thresholds" tests="2" failures="1" errors="1" skipped="0" time="12.345" timestamp="2025-03-01T10:00:00" hostname="ci-runner-7">
    <properties>
      <property name="scenario" value="platform"/>
      <property name="load" value="50 users at 10/s for 30s"/>
      <property name="users" value="50"/>
    </properties>
    <testcase name="run" classname="platform" time="12.345">
      <error message="threshold p95&lt;300ms failed" type="aborted">The run was aborted after 12.345s: threshold p95&lt;300ms failed</error>
    </testcase>
    <testcase name="p95&lt;300ms" classname="platform" time="0.000">
      <failure message="actual 312ms, limit &lt;300ms" type="threshold">threshold: p95&lt;300ms
actual: 312ms
limit: &lt;300ms
aborts the run when it fails</failure>
    </testcase>
  </testsuite>
  <testsuite name="volley checks" tests="0" failures="0" errors="0" skipped="0" time="12.345" timestamp="2025-03-01T10:00:00" hostname="ci-runner-7"/>
</testsuites>
`;

function counts(node: XmlNode) {
  return {
    tests: Number(node.attributes.tests),
    failures: Number(node.attributes.failures),
    errors: Number(node.attributes.errors),
    skipped: Number(node.attributes.skipped),
  };
}

function countedCases(node: XmlNode) {
  const cases = findAll(node, 'testcase');
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.children.some((child) => child.name === 'failure')).length,
    errors: cases.filter((c) => c.children.some((child) => child.name === 'error')).length,
    skipped: 0,
  };
}

describe('formatJUnitReport', () => {
  it('renders the fixture exactly', () => {
    expect(formatJUnitReport(fixtureResult())).toBe(FIXTURE_XML);
  });

  it('adds an erroring `run` case to an aborted run, and writes an empty checks suite', () => {
    expect(formatJUnitReport(abortedResult())).toBe(ABORTED_XML);
  });

  it.each([
    ['the fixture', fixtureResult],
    ['an aborted run', abortedResult],
  ])('is well-formed, and its counts match its cases (%s)', (_, make) => {
    const root = readXml(formatJUnitReport(make()));
    expect(root.name).toBe('testsuites');
    expect(counts(root)).toEqual(countedCases(root));
    const suites = root.children;
    expect(suites.map((suite) => suite.attributes.name)).toEqual(['volley thresholds', 'volley checks']);
    for (const suite of suites) expect(counts(suite)).toEqual(countedCases(suite));
    const sum = (key: 'tests' | 'failures' | 'errors') =>
      suites.reduce((total, suite) => total + counts(suite)[key], 0);
    expect([counts(root).tests, counts(root).failures, counts(root).errors]).toEqual([
      sum('tests'),
      sum('failures'),
      sum('errors'),
    ]);
  });

  it('escapes markup and quotes, and strips characters XML 1.0 cannot carry', () => {
    const result = fixtureResult();
    const nasty = `name=GET /a?b=1&c=<"x">'y'\u0001\u000b\uFFFE\uD800]]>:p95<300ms`;
    result.scenario.name = 'A & B <scenario>';
    result.host.hostname = 'host"1';
    result.thresholds = [
      { expression: nasty, ok: false, actual: 312, actualText: '312ms', abortOnFail: false },
    ];
    result.checks = [{ scenario: '', user: "O'Brien", name: 'line 1\nline 2\ttab\r', passes: 1, fails: 1 }];
    const xml = formatJUnitReport(result);
    for (const illegal of ['\u0001', '\u000b', '\uFFFE', '\uD800']) expect(xml).not.toContain(illegal);
    const root = readXml(xml);
    const [threshold, check] = findAll(root, 'testcase');
    const clean = `name=GET /a?b=1&c=<"x">'y']]>:p95<300ms`;
    expect(threshold?.attributes).toEqual({ name: clean, classname: 'A & B <scenario>', time: '0.000' });
    expect(threshold?.children[0]?.attributes.message).toBe('actual 312ms, limit <300ms');
    expect(threshold?.children[0]?.text).toBe(`threshold: ${clean}\nactual: 312ms\nlimit: <300ms`);
    // Attribute whitespace survives a parser's normalisation as character references.
    expect(check?.attributes.name).toBe("O'Brien · line 1\nline 2\ttab\r");
    expect(xml).toContain('name="O&apos;Brien · line 1&#10;line 2&#9;tab&#13;"');
    expect(check?.children[0]?.attributes.message).toBe('1 of 2 failed (50.0%)');
    expect(root.children[0]?.attributes.hostname).toBe('host"1');
  });

  it('uses the check scenario as classname when it has one', () => {
    const result = fixtureResult();
    result.checks = [{ scenario: 'checkout', user: 'Buyer', name: 'paid', passes: 3, fails: 0 }];
    const [check] = findAll(readXml(formatJUnitReport(result)), 'testcase').slice(-1);
    expect(check?.attributes).toEqual({ name: 'Buyer · paid', classname: 'checkout', time: '0.000' });
    expect(check?.children).toEqual([]);
  });
});

describe('threshold failure text', () => {
  it.each([
    ['p95<300ms', '<300ms'],
    ['AuthUser:successRate>=99%', '>=99%'],
    ['name=GET /items/:id:p95 <= 250ms', '<=250ms'],
    ['rps>100/s', '>100/s'],
    ['no operator', undefined],
  ])('the limit of %s is %s', (expression, limit) => {
    expect(thresholdLimit(expression)).toBe(limit);
  });

  it('names the actual value, the limit and any note', () => {
    const verdict = {
      expression: 'p99<1s',
      ok: false,
      actual: 1210,
      actualText: '1,210ms',
      abortOnFail: false,
    };
    expect(thresholdFailureMessage(verdict)).toBe('actual 1,210ms, limit <1s');
    expect(thresholdFailureMessage({ ...verdict, actualText: '' })).toBe('actual 1210, limit <1s');
    expect(thresholdFailureMessage({ ...verdict, note: 'only 3 requests' })).toBe(
      'actual 1,210ms, limit <1s (only 3 requests)',
    );
    expect(thresholdFailureMessage({ ...verdict, actual: null, actualText: '' })).toBe('no data, limit <1s');
  });
});
