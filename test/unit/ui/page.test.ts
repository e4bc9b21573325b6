import { describe, expect, it } from 'vitest';
import { renderUiPage } from '../../../src/ui/page.js';
import type { UiStartForm } from '../../../src/ui/ui-messages.js';

const page = renderUiPage();

/** The text of every `<script>` element, in page order. */
function scripts(text: string): string[] {
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
}

/** The page's own script (src/ui/browser/, bundled by esbuild), after uPlot. */
const PAGE_SCRIPT = scripts(page)[1] as string;

/** Everything outside `<script>` and `<style>` elements: the markup itself. */
function markup(text: string): string {
  return text.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '');
}

describe('renderUiPage', () => {
  it('is one complete HTML document', () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    for (const tag of ['<html', '<head>', '</head>', '<body>', '</body>', '<title>', '<main>']) {
      expect(page.split(tag)).toHaveLength(2);
    }
    expect(page).toContain('<meta charset="utf-8">');
    expect(page.indexOf('</head>')).toBeLessThan(page.indexOf('<body>'));
  });

  it('is static: the same text every time, with nothing from a run in it', () => {
    expect(renderUiPage.length).toBe(0);
    expect(renderUiPage()).toBe(page);
    // Names and figures arrive later as JSON and are written as text, never parsed as markup.
    expect(PAGE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    expect(page).not.toContain('volley-data');
  });

  it('refers to nothing outside its own server', () => {
    const html = markup(page);
    expect(html).not.toMatch(/\b(?:src|href|action|poster|srcset|formaction)\s*=\s*["']?\s*(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/https?:\/\//);
    // The only links: the icon, and the downloads from this server by relative URL.
    const downloads = ['requests.csv', 'failures.csv', 'exceptions.csv', 'stats_history.csv', 'result.json'];
    for (const [, href] of html.matchAll(/\bhref="([^"]*)"/g)) expect(['data:,', ...downloads]).toContain(href);
    expect(page).not.toMatch(/url\(\s*["']?\s*(?:[a-z]+:|\/\/)/i);
    expect(page).not.toMatch(/@import|<iframe\b|<img\b|XMLHttpRequest|new WebSocket\b/i);
    expect(page.match(/<link\b[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
  });

  it('opens the event stream and posts the actions by relative URL', () => {
    expect(PAGE_SCRIPT).toContain('new EventSource("events")');
    for (const event of ['state', 'progress', 'reset', 'end']) {
      expect(PAGE_SCRIPT).toContain(`source.addEventListener("${event}"`);
    }
    // Every action goes through one helper that posts JSON: the server refuses any other content type.
    expect(PAGE_SCRIPT.match(/\bfetch\(/g)).toHaveLength(1);
    expect(PAGE_SCRIPT).toMatch(/fetch\(url, \{ method: "POST", headers: \{ "content-type": "application\/json" \}/);
    const posted = [...PAGE_SCRIPT.matchAll(/\bpostJson\(\s*"([^"]*)"/g)].map((m) => m[1]);
    expect(posted.sort()).toEqual(['api/load', 'api/new', 'api/reset', 'api/start', 'api/stop']);
    expect([...PAGE_SCRIPT.matchAll(/\bEventSource\(([^)]*)\)/g)].map((m) => m[1])).toEqual(['"events"']);
  });

  it('has a start form with one field per UiStartForm property', () => {
    const sample: UiStartForm = { users: 1, spawnRate: 1, runTime: '', host: '' };
    // The user classes' boxes are built by the script from the server's state.
    const startForm = /<form id="start-form"[\s\S]*?<\/form>/.exec(markup(page))?.[0] ?? '';
    const names = [...startForm.matchAll(/<input\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(names).toEqual(Object.keys(sample).sort());
    expect(page).toMatch(/<form id="start-form"[^>]*>/);
    for (const label of ['Number of users', 'Ramp up', 'Run time', 'Host']) expect(page).toContain(label);
  });

  it('has the Statistics columns, in order', () => {
    const headings = [...page.matchAll(/<th class="sortable[^"]*" data-sort="[^"]+">(.*?)<span class="arrow"/g)].map(
      (m) => (m[1] as string).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim(),
    );
    expect(headings).toEqual([
      'Type',
      'Name',
      '# Requests',
      '# Fails',
      'Average ms',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'Max ms',
      'Current RPS',
    ]);
    expect(page).toContain('>Aggregated</td>');
  });

  it('gives every element the script looks up an id in the markup', () => {
    const ids = new Set([...markup(page).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]));
    const wanted = [...PAGE_SCRIPT.matchAll(/byId\("([^"]+)"\)/g)].map((m) => m[1] as string);
    expect(wanted.length).toBeGreaterThan(20);
    expect(wanted.filter((id) => !ids.has(id))).toEqual([]);
    for (const chart of ['throughput', 'latency', 'users']) expect(page).toContain(`data-live-chart="${chart}"`);
  });

  it('inlines uPlot and its own script, both valid JavaScript that cannot end their element early', () => {
    const bodies = scripts(page);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toContain('uPlot');
    for (const body of bodies) {
      expect(body).not.toMatch(/<\/script|<!--/i);
      // Parsed, not run: a syntax error in the script strings fails here rather than in a browser.
      expect(() => new Function(body)).not.toThrow();
    }
    expect(page).toContain('.uplot');
  });
});
