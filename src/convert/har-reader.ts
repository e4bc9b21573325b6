/**
 * A browser's HAR recording as a scenario: one task per page, in the order the pages were
 * visited, each with the page's requests to the main origin (the origin most requests went to)
 * and a pause after it as long as the person paused before the next page. Static assets and
 * other origins are left out unless asked for, and counted.
 */

import { VolleyError } from '../errors.js';
import type { HarEntry, HarLog, HarPage } from './har-document.js';
import { harRequest } from './har-request.js';
import { isSecretHeader, secretVariable } from './request-headers.js';
import type { Conversion, ConvertedTask, SecretVariable } from './scenario-model.js';
import { isStaticAsset } from './static-assets.js';
import { thinkTimeSeconds } from './think-time.js';

export interface HarOptions {
  /** The file's name as the user gave it, for comments. */
  file: string;
  includeStatic?: boolean;
  allOrigins?: boolean;
}

interface KeptEntry {
  entry: HarEntry;
  url: URL;
}

const NO_PAGE = '';
/** The last page has no next one to measure a pause against; a user should not loop without one. */
const LAST_PAGE_PAUSE_SECONDS = 1;

export function convertHar(log: HarLog, options: HarOptions): Conversion {
  const excluded = new Map<string, number>();
  const exclude = (reason: string): void => void excluded.set(reason, (excluded.get(reason) ?? 0) + 1);
  const candidates: KeptEntry[] = [];
  const redirectTargets = new Set<string>();
  for (const entry of [...log.entries].sort((a, b) => time(a.startedDateTime) - time(b.startedDateTime))) {
    const url = httpUrl(entry.request.url);
    const target = redirectTarget(entry);
    if (target !== undefined) redirectTargets.add(target);
    if (url === undefined) exclude('not http(s)');
    else if (entry.request.method === 'GET' && redirectTargets.delete(url.href)) exclude('redirect targets (the client follows redirects)');
    else if (isPreflight(entry)) exclude('CORS preflight');
    else if (options.includeStatic !== true && isStaticAsset(url.pathname, entry.response.content?.mimeType))
      exclude('static assets');
    else candidates.push({ entry, url });
  }
  const host = mainOrigin(candidates);
  const kept = candidates.filter(({ url }) => options.allOrigins === true || url.origin === host);
  if (kept.length < candidates.length) excluded.set('other origins', candidates.length - kept.length);
  const tasks = pageTasks(log.pages, kept, host);
  if (tasks.length === 0) {
    const left = [...excluded.entries()].map(([reason, count]) => `${count} ${reason}`).join(', ');
    throw new VolleyError('VOLLEY_E_USAGE', `${options.file}: no request left to convert (left out: ${left || 'nothing, the recording is empty'}); --include-static and --all-origins keep more`);
  }
  const excludedList = [...excluded.entries()];
  return {
    scenario: {
      name: baseName(options.file),
      host: host ?? 'http://127.0.0.1:8000',
      userName: 'RecordedUser',
      header: headerLines(log, options.file, kept.length, tasks.length, excludedList),
      secrets: secrets(kept),
      tasks,
    },
    counts: { kept: kept.length, tasks: tasks.length, excluded: excludedList },
  };
}

function httpUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The absolute URL a recorded redirect sent the browser to, if it was one. */
function redirectTarget(entry: HarEntry): string | undefined {
  const location = entry.response.redirectURL;
  if (entry.response.status < 300 || entry.response.status > 399 || location === undefined || location === '') return undefined;
  try {
    return new URL(location, entry.request.url).href;
  } catch {
    return undefined;
  }
}

function isPreflight(entry: HarEntry): boolean {
  return (
    entry.request.method === 'OPTIONS' &&
    entry.request.headers.some(({ name }) => name.toLowerCase() === 'access-control-request-method')
  );
}

/** The origin most requests went to; the first seen wins a tie. */
export function mainOrigin(entries: readonly { url: URL }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const { url } of entries) counts.set(url.origin, (counts.get(url.origin) ?? 0) + 1);
  let best: string | undefined;
  for (const [origin, count] of counts) if (best === undefined || count > (counts.get(best) ?? 0)) best = origin;
  return best;
}

function pageTasks(pages: readonly HarPage[], kept: readonly KeptEntry[], host: string | undefined): ConvertedTask[] {
  const byPage = new Map<string, KeptEntry[]>();
  const known = new Set(pages.map((page) => page.id));
  for (const item of kept) {
    const ref = item.entry.pageref !== undefined && known.has(item.entry.pageref) ? item.entry.pageref : NO_PAGE;
    byPage.set(ref, [...(byPage.get(ref) ?? []), item]);
  }
  const ordered = [...pages].sort((a, b) => time(a.startedDateTime) - time(b.startedDateTime));
  const groups = ordered.filter((page) => byPage.has(page.id)).map((page) => ({ page, items: byPage.get(page.id) ?? [] }));
  const loose = byPage.get(NO_PAGE);
  if (loose !== undefined) groups.push({ page: { id: NO_PAGE, startedDateTime: loose[0]?.entry.startedDateTime ?? '' }, items: loose });
  const names = new Set<string>();
  return groups.map(({ page, items }, index) => {
    const next = groups[index + 1];
    const end = Math.max(...items.map(({ entry }) => time(entry.startedDateTime) + entry.time));
    const gap = next === undefined ? 0 : firstStart(next.items) - end;
    return {
      name: uniqueName(pageName(page, items, host), names),
      comment: [pageComment(page, index, groups.length, items.length)],
      requests: items.map(({ entry, url }) => harRequest(entry, url, host)),
      ...(next === undefined
        ? { thinkTimeSeconds: LAST_PAGE_PAUSE_SECONDS, thinkTimeComment: 'a pause before the pages start over (the recording ends here)' }
        : { thinkTimeSeconds: thinkTimeSeconds(gap), thinkTimeComment: 'think time: the pause before the next page' }),
    };
  });
}

/** `page 1 of 2, 6 requests: "Shop" (HAR page page_1)`: where the task came from. */
function pageComment(page: HarPage, index: number, pageCount: number, requestCount: number): string {
  const counted = `page ${index + 1} of ${pageCount}, ${requestCount} request${requestCount === 1 ? '' : 's'}`;
  if (page.id === NO_PAGE) return `${counted}: the requests outside any page`;
  const title = page.title?.trim() ?? '';
  return `${counted}: ${title === '' ? '' : `"${title}" `}(HAR page ${page.id})`;
}

function firstStart(items: readonly KeptEntry[]): number {
  return Math.min(...items.map(({ entry }) => time(entry.startedDateTime)));
}

function time(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

function pageName(page: HarPage, items: readonly KeptEntry[], host: string | undefined): string {
  const title = page.title?.trim() ?? '';
  if (title !== '' && !/^https?:\/\//.test(title)) return title;
  const first = items[0]?.url;
  if (first === undefined) return page.id === NO_PAGE ? 'requests' : page.id;
  return first.origin === host ? first.pathname : first.href;
}

function uniqueName(name: string, taken: Set<string>): string {
  let unique = name;
  for (let n = 2; taken.has(unique); n++) unique = `${name} (${n})`;
  taken.add(unique);
  return unique;
}

function secrets(kept: readonly KeptEntry[]): SecretVariable[] {
  const found = new Map<string, string>();
  for (const { entry } of kept)
    for (const { name } of entry.request.headers)
      if (isSecretHeader(name) && name.toLowerCase() !== 'cookie' && !found.has(secretVariable(name)))
        found.set(secretVariable(name), `the recorded ${name.toLowerCase()} header`);
  return [...found.entries()].map(([variable, origin]) => ({ variable, origin }));
}

function headerLines(
  log: HarLog,
  file: string,
  kept: number,
  tasks: number,
  excluded: readonly (readonly [string, number])[],
): string[] {
  const creator = log.creator?.name === undefined ? '' : ` (recorded by ${log.creator.name}${log.creator.version === undefined ? '' : ` ${log.creator.version}`})`;
  const left = excluded.length === 0 ? 'nothing' : excluded.map(([reason, count]) => `${count} ${reason}`).join(', ');
  return [
    `Converted by \`volley convert\` from the HAR recording ${file}${creator}.`,
    `Kept ${kept} request${kept === 1 ? '' : 's'} in ${tasks} page task${tasks === 1 ? '' : 's'}, run in order; left out: ${left}.`,
    'Cookies are left to the client\'s cookie jar; the browser\'s own headers are dropped.',
  ];
}

export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]+$/, '') || 'converted';
}
