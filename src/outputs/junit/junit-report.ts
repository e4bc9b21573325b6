/**
 * The Result as JUnit XML (`--junit file.xml`), the format every CI server shows as test
 * results: each threshold and each check becomes a test case, so a failed p95 shows up beside a
 * failed unit test, with what was measured and what was allowed.
 *
 *   <testsuites name="volley">
 *     <testsuite name="volley thresholds">  one case per threshold (classname = scenario);
 *                                           a `run` case with an <error> if the run was aborted
 *     <testsuite name="volley checks">      one case per check, `User · check name`
 *
 * Verdicts take no time of their own, so test cases carry `time="0.000"` (the `run` case, the
 * run's duration); suites and the root carry the run's duration, the time spent producing what
 * they judge. Both suites judge the same run, so the root's time is that duration, not a sum.
 */

import type { CheckEntry, Result, ThresholdVerdict } from '../../metrics/result.js';
import { formatCount, formatPercent } from '../../core/units/index.js';
import { runLoadText, runUsers } from '../run-load.js';
import { renderXmlElement, XML_DECLARATION, type XmlElement } from './xml.js';

export const THRESHOLDS_SUITE = 'volley thresholds';
export const CHECKS_SUITE = 'volley checks';

interface Case {
  element: XmlElement;
  outcome: 'passed' | 'failure' | 'error';
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

/** `op value` at the end of an expression (`<300ms` of `AuthUser:p95 < 300ms`), as written. */
export function thresholdLimit(expression: string): string | undefined {
  const match = /([<>=!]+)\s*([^<>=!]*?)\s*$/.exec(expression);
  return match === null ? undefined : `${match[1]}${match[2]}`;
}

function actualOf(verdict: ThresholdVerdict): string | undefined {
  if (verdict.actual === null) return undefined;
  return verdict.actualText !== '' ? verdict.actualText : String(verdict.actual);
}

/** `actual 312ms, limit <300ms`; `no requests matched, limit <100ms` when there was no data. */
export function thresholdFailureMessage(verdict: ThresholdVerdict): string {
  const actual = actualOf(verdict);
  const limit = thresholdLimit(verdict.expression);
  const parts = [actual === undefined ? (verdict.note ?? 'no data') : `actual ${actual}`];
  if (limit !== undefined) parts.push(`limit ${limit}`);
  const message = parts.join(', ');
  return actual !== undefined && verdict.note !== undefined ? `${message} (${verdict.note})` : message;
}

function thresholdCase(verdict: ThresholdVerdict, classname: string): Case {
  const attributes = [
    ['name', verdict.expression],
    ['classname', classname],
    ['time', seconds(0)],
  ] as const;
  if (verdict.ok) return { element: { name: 'testcase', attributes }, outcome: 'passed' };
  const details = [`threshold: ${verdict.expression}`, `actual: ${actualOf(verdict) ?? 'no data'}`];
  const limit = thresholdLimit(verdict.expression);
  if (limit !== undefined) details.push(`limit: ${limit}`);
  if (verdict.note !== undefined) details.push(`note: ${verdict.note}`);
  if (verdict.abortOnFail) details.push('aborts the run when it fails');
  const failure: XmlElement = {
    name: 'failure',
    attributes: [
      ['message', thresholdFailureMessage(verdict)],
      ['type', 'threshold'],
    ],
    text: details.join('\n'),
  };
  return { element: { name: 'testcase', attributes, children: [failure] }, outcome: 'failure' };
}

/** `25 of 600 failed (4.2%)`. */
export function checkFailureMessage(check: CheckEntry): string {
  const total = check.passes + check.fails;
  return `${formatCount(check.fails)} of ${formatCount(total)} failed (${formatPercent(check.fails / total)})`;
}

function checkCase(check: CheckEntry, scenario: string): Case {
  const attributes = [
    ['name', `${check.user} · ${check.name}`],
    ['classname', check.scenario !== '' ? check.scenario : scenario],
    ['time', seconds(0)],
  ] as const;
  if (check.fails === 0) return { element: { name: 'testcase', attributes }, outcome: 'passed' };
  const failure: XmlElement = {
    name: 'failure',
    attributes: [
      ['message', checkFailureMessage(check)],
      ['type', 'check'],
    ],
    text: `${formatCount(check.passes)} passed, ${formatCount(check.fails)} failed`,
  };
  return { element: { name: 'testcase', attributes, children: [failure] }, outcome: 'failure' };
}

function abortedCase(result: Result): Case {
  const reason = result.abortReason?.trim() || 'the run was aborted';
  const error: XmlElement = {
    name: 'error',
    attributes: [
      ['message', reason],
      ['type', 'aborted'],
    ],
    text: `The run was aborted after ${seconds(result.durationMs)}s: ${reason}`,
  };
  const attributes = [
    ['name', 'run'],
    ['classname', result.scenario.name],
    ['time', seconds(result.durationMs)],
  ] as const;
  return { element: { name: 'testcase', attributes, children: [error] }, outcome: 'error' };
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
}

function countsOf(cases: readonly Case[]): Counts {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.outcome === 'failure').length,
    errors: cases.filter((c) => c.outcome === 'error').length,
  };
}

function countAttributes(counts: Counts, time: string): [string, string][] {
  return [
    ['tests', String(counts.tests)],
    ['failures', String(counts.failures)],
    ['errors', String(counts.errors)],
    ['skipped', '0'],
    ['time', time],
  ];
}

/** JUnit's timestamp: ISO 8601 without fraction or zone (the Result's times are UTC). */
function junitTimestamp(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString().slice(0, 19);
}

/** The run's load as suite properties (what CI shows beside the cases): as run, not the -u option. */
function loadProperties(result: Result): XmlElement {
  const properties: [string, string][] = [['scenario', result.scenario.name]];
  const load = runLoadText(result);
  if (load !== undefined) properties.push(['load', load]);
  const users = runUsers(result);
  if (users !== undefined) properties.push(['users', String(users)]);
  return {
    name: 'properties',
    attributes: [],
    children: properties.map(([name, value]) => ({
      name: 'property',
      attributes: [
        ['name', name],
        ['value', value],
      ],
    })),
  };
}

export function formatJUnitReport(result: Result): string {
  const scenario = result.scenario.name;
  const thresholdCases = result.thresholds.map((verdict) => thresholdCase(verdict, scenario));
  if (result.outcome === 'aborted') thresholdCases.unshift(abortedCase(result));
  const checkCases = result.checks.map((check) => checkCase(check, scenario));
  const time = seconds(result.durationMs);

  const suite = (name: string, cases: readonly Case[], properties?: XmlElement): XmlElement => ({
    name: 'testsuite',
    attributes: [
      ['name', name],
      ...countAttributes(countsOf(cases), time),
      ['timestamp', junitTimestamp(result.startedAt)],
      ['hostname', result.host.hostname],
    ],
    children: [...(properties === undefined ? [] : [properties]), ...cases.map((c) => c.element)],
  });
  const root: XmlElement = {
    name: 'testsuites',
    attributes: [['name', 'volley'], ...countAttributes(countsOf([...thresholdCases, ...checkCases]), time)],
    children: [suite(THRESHOLDS_SUITE, thresholdCases, loadProperties(result)), suite(CHECKS_SUITE, checkCases)],
  };
  return XML_DECLARATION + renderXmlElement(root);
}
