/**
 * A strict reader of the Prometheus text format 0.0.4 for tests: every line must be a HELP or
 * TYPE comment or a sample `name{labels} value`, each family one contiguous group introduced by
 * its HELP and TYPE, no series twice. Label values are unescaped, so tests compare them with the
 * original strings rather than with an escaping they would have to repeat.
 */

export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  /** The value as written. */
  value: string;
}

export interface ParsedFamily {
  name: string;
  type: string;
  help: string;
  samples: ParsedSample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?|Inf)|NaN)';
export const SAMPLE_LINE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?\\})? (${VALUE})$`);
const LABEL_PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/g;
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|summary|histogram|untyped)$`);

function unescapeLabelValue(value: string): string {
  return value.replace(/\\(["\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

/** The sample's family: a summary's `_sum` and `_count` belong to the summary. */
function familyOf(sampleName: string, family: ParsedFamily | undefined): string {
  if (family?.type === 'summary' && (sampleName === `${family.name}_sum` || sampleName === `${family.name}_count`))
    return family.name;
  return sampleName;
}

/** Parses the text, throwing on the first line that breaks the format. */
export function parseExposition(text: string): ParsedFamily[] {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families: ParsedFamily[] = [];
  const series = new Set<string>();
  let pendingHelp: { name: string; help: string } | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    const help = HELP_LINE.exec(line);
    if (help !== null) {
      pendingHelp = { name: help[1] ?? '', help: help[2] ?? '' };
      continue;
    }
    const type = TYPE_LINE.exec(line);
    if (type !== null) {
      const name = type[1] ?? '';
      if (pendingHelp?.name !== name) throw new Error(`TYPE without HELP just before it: ${line}`);
      if (families.some((known) => known.name === name)) throw new Error(`family ${name} given twice`);
      families.push({ name, type: type[2] ?? '', help: pendingHelp.help, samples: [] });
      pendingHelp = undefined;
      continue;
    }
    const sample = SAMPLE_LINE.exec(line);
    if (sample === null) throw new Error(`not a sample line: ${JSON.stringify(line)}`);
    const current = families.at(-1);
    const name = sample[1] ?? '';
    if (current === undefined || familyOf(name, current) !== current.name)
      throw new Error(`sample outside its family's group: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, label = '', value = ''] of (sample[2] ?? '').matchAll(LABEL_PAIR)) {
      if (label in labels) throw new Error(`label ${label} twice: ${line}`);
      labels[label] = unescapeLabelValue(value);
    }
    const id = `${name}${JSON.stringify(Object.entries(labels).sort())}`;
    if (series.has(id)) throw new Error(`series given twice: ${line}`);
    series.add(id);
    current.samples.push({ name, labels, value: sample[3] ?? '' });
  }
  if (pendingHelp !== undefined) throw new Error(`HELP without TYPE: ${pendingHelp.name}`);
  return families;
}
