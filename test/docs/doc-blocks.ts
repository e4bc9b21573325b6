/**
 * Reads the fenced code blocks of a Markdown page and the marker before each: `<!-- runnable -->`
 * (optionally `<!-- runnable: exit 1 -->`, or `exit 0,1` when the verdict depends on the
 * machine) or `<!-- not-runnable: why -->`. Shell and TypeScript blocks must carry one, so a
 * command added to the docs is either run by the docs test or says why it cannot be.
 */

/** Info strings of the blocks that must be marked: commands and scenario code. */
export const CHECKED_LANGUAGES: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'shell',
  'ts',
  'typescript',
  'js',
  'javascript',
]);

export type BlockMarker =
  | { kind: 'runnable'; exitCodes: readonly number[] }
  | { kind: 'not-runnable'; reason: string }
  | { kind: 'none' }
  | { kind: 'invalid'; text: string };

export interface DocBlock {
  /** The first word of the fence's info string, lower-cased; '' when there is none. */
  language: string;
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  marker: BlockMarker;
}

const FENCE = /^(`{3,}|~{3,})\s*([^\s`]*)/;
const MARKER = /^<!--\s*(.*?)\s*-->$/;

/** Every fenced block of `markdown`, in order, with the marker on the last non-blank line before it. */
export function readDocBlocks(markdown: string): DocBlock[] {
  const lines = markdown.split('\n');
  const blocks: DocBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = FENCE.exec(lines[i] ?? '');
    if (open === null) {
      i += 1;
      continue;
    }
    const fence = open[1] as string;
    const start = i;
    const body: string[] = [];
    i += 1;
    while (i < lines.length && !(lines[i] ?? '').trimEnd().startsWith(fence)) {
      body.push(lines[i] as string);
      i += 1;
    }
    i += 1; // the closing fence
    blocks.push({
      language: (open[2] ?? '').toLowerCase(),
      line: start + 1,
      code: body.join('\n'),
      marker: markerBefore(lines, start),
    });
  }
  return blocks;
}

function markerBefore(lines: readonly string[], fenceIndex: number): BlockMarker {
  let j = fenceIndex - 1;
  while (j >= 0 && (lines[j] ?? '').trim() === '') j -= 1;
  const match = MARKER.exec((lines[j] ?? '').trim());
  if (match === null) return { kind: 'none' };
  return parseMarker(match[1] as string);
}

/** `runnable`, `runnable: exit 1`, `runnable: exit 0,1`, `not-runnable: why`. */
export function parseMarker(text: string): BlockMarker {
  if (text === 'runnable') return { kind: 'runnable', exitCodes: [0] };
  const runnable = /^runnable:\s*exit\s+(\d+(?:\s*,\s*\d+)*)$/.exec(text);
  if (runnable !== null) {
    return { kind: 'runnable', exitCodes: (runnable[1] as string).split(',').map((c) => Number(c.trim())) };
  }
  const notRunnable = /^not-runnable:\s*(\S.*)$/.exec(text);
  if (notRunnable !== null) return { kind: 'not-runnable', reason: notRunnable[1] as string };
  // Another HTML comment before a block (or a marker without its reason) is not a marker.
  return text.startsWith('runnable') || text.startsWith('not-runnable') ? { kind: 'invalid', text } : { kind: 'none' };
}

/** The path a runnable TypeScript block names on its first line (`// load/shop.ts`). */
export function namedPath(code: string): string | undefined {
  const match = /^\/\/\s*([\w./-]+\.(?:ts|mts|js|mjs))\b/.exec(code.trimStart());
  return match?.[1];
}
