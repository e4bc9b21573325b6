import { describe, expect, it } from 'vitest';
import { readHarLog } from '../../../src/convert/har-document.js';
import { convertHar } from '../../../src/convert/har-reader.js';

const APP = 'https://shop.example.com';
const CDN = 'https://cdn.example.net';

function entry(page: string, at: number, method: string, url: string, extra: Record<string, unknown> = {}) {
  return {
    pageref: page,
    startedDateTime: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, at)).toISOString(),
    time: 100,
    request: { method, url, headers: [{ name: 'User-Agent', value: 'Chrome' }, { name: 'sec-fetch-mode', value: 'cors' }], ...(extra.request as object) },
    response: { status: 200, content: { mimeType: 'application/json' }, ...(extra.response as object) },
  };
}

/** Two pages (listed out of order), API calls, assets, a preflight, a CDN call and a data: URL. */
function recording() {
  return {
    log: {
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [
        { id: 'page_2', title: 'Item', startedDateTime: new Date(Date.UTC(2026, 0, 1, 12, 0, 3)).toISOString() },
        { id: 'page_1', title: 'Shop', startedDateTime: new Date(Date.UTC(2026, 0, 1, 12, 0, 0)).toISOString() },
      ],
      entries: [
        entry('page_1', 0, 'GET', `${APP}/`, { response: { content: { mimeType: 'text/html' } } }),
        entry('page_1', 100, 'GET', `${APP}/app.css`, { response: { content: { mimeType: 'text/css' } } }),
        entry('page_1', 120, 'GET', `${APP}/img/logo`, { response: { content: { mimeType: 'image/svg+xml' } } }),
        entry('page_1', 200, 'GET', `${APP}/api/items?limit=5&tag=a&tag=b`),
        entry('page_1', 300, 'OPTIONS', `${APP}/api/items`, { request: { headers: [{ name: 'Access-Control-Request-Method', value: 'POST' }] } }),
        entry('page_1', 400, 'POST', `${APP}/api/items`, {
          request: {
            headers: [
              { name: 'Content-Type', value: 'application/json' },
              { name: 'Authorization', value: 'Bearer s3cr3t-token' },
              { name: 'Cookie', value: 'session=abc' },
              { name: 'X-Request-Id', value: 'r-1' },
            ],
            postData: { mimeType: 'application/json', text: '{"name":"lamp","price":3}' },
          },
          response: { status: 201 },
        }),
        entry('page_1', 500, 'GET', `${CDN}/api/track?e=view`),
        entry('page_1', 550, 'GET', 'data:image/png;base64,AAAA'),
        entry('page_2', 3_000, 'GET', `${APP}/api/items/itm_42`, { request: { headers: [{ name: 'x-api-key', value: 'k-123' }] } }),
        entry('page_2', 3_100, 'POST', `${APP}/api/search`, {
          request: { headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'q=lamp' } },
        }),
        entry('page_2', 3_200, 'GET', `${APP}/api/items/itm_404`, { response: { status: 404 } }),
      ],
    },
  };
}

function convert(options: { includeStatic?: boolean; allOrigins?: boolean } = {}) {
  return convertHar(readHarLog(recording(), 'shop.har'), { file: 'shop.har', ...options });
}

describe('HAR conversion', () => {
  it('makes one task per page, in the order they were visited, with the pause between them', () => {
    const { scenario } = convert();
    expect(scenario.tasks.map((task) => task.name)).toEqual(['Shop', 'Item']);
    expect(scenario.tasks[0]?.comment).toEqual(['page 1 of 2, 3 requests: "Shop" (HAR page page_1)']);
    // Page 1's last request ended at 0.5 s; page 2's first started at 3 s.
    expect(scenario.tasks[0]?.thinkTimeSeconds).toBe(2.5);
    expect(scenario.tasks[1]?.thinkTimeSeconds).toBe(1);
    expect(scenario.tasks[1]?.thinkTimeComment).toMatch(/start over/);
  });

  it("keeps the main origin's API calls and counts what it leaves out", () => {
    const { scenario, counts } = convert();
    expect(scenario.host).toBe(APP);
    expect(scenario.tasks[0]?.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /', 'GET /api/items', 'POST /api/items']);
    expect(counts).toEqual({
      kept: 6,
      tasks: 2,
      excluded: [['static assets', 2], ['CORS preflight', 1], ['not http(s)', 1], ['other origins', 1]],
    });
  });

  it('keeps assets and other origins when asked, other origins as absolute URLs', () => {
    const { scenario, counts } = convert({ includeStatic: true, allOrigins: true });
    const paths = scenario.tasks[0]?.requests.map((r) => r.path);
    expect(paths).toContain('/app.css');
    expect(paths).toContain(`${CDN}/api/track`);
    expect(counts.kept).toBe(9);
  });

  it('writes queries, JSON and other bodies, and the headers worth keeping', () => {
    const { scenario } = convert();
    const [, list, create] = scenario.tasks[0]?.requests ?? [];
    expect(list?.query).toEqual([['limit', '5'], ['tag', 'a'], ['tag', 'b']]);
    expect(create?.json).toEqual({ name: 'lamp', price: 3 });
    expect(create?.headers).toEqual([
      ['authorization', { kind: 'env', variable: 'API_TOKEN', prefix: 'Bearer ' }],
      ['x-request-id', { kind: 'text', text: 'r-1' }],
    ]);
    const search = scenario.tasks[1]?.requests[1];
    expect(search?.body).toBe('q=lamp');
    expect(search?.headers).toEqual([['content-type', { kind: 'text', text: 'application/x-www-form-urlencoded' }]]);
  });

  it('turns secrets into variables, groups ids in row names, and expects a recorded error again', () => {
    const { scenario } = convert();
    expect(scenario.secrets).toEqual([
      { variable: 'API_TOKEN', origin: 'the recorded authorization header' },
      { variable: 'API_KEY', origin: 'the recorded x-api-key header' },
    ]);
    expect(JSON.stringify(scenario)).not.toMatch(/s3cr3t|k-123|session=abc/);
    const [item, , missing] = scenario.tasks[1]?.requests ?? [];
    expect(item?.name).toBe('/api/items/[id]');
    expect(missing?.expect).toEqual([404]);
    expect(missing?.comment).toBe('the recording got 404');
  });

  it('puts requests outside any page in one task, and names pages without a title by their first path', () => {
    const har = recording();
    har.log.pages = [];
    const { scenario } = convertHar(readHarLog(har, 'shop.har'), { file: 'shop.har' });
    expect(scenario.tasks.map((task) => task.name)).toEqual(['/']);
    expect(scenario.tasks[0]?.comment[0]).toBe("page 1 of 1, 6 requests: the requests outside any page");
  });

  it('leaves out the target of a recorded redirect, which the client follows itself', () => {
    const har = recording();
    har.log.entries.push(
      entry('page_2', 3_300, 'POST', `${APP}/checkout`, { response: { status: 303, redirectURL: '/orders/o-1' } }),
      entry('page_2', 3_400, 'GET', `${APP}/orders/o-1`, { response: { content: { mimeType: 'text/html' } } }),
    );
    const { scenario, counts } = convertHar(readHarLog(har, 'shop.har'), { file: 'shop.har' });
    expect(scenario.tasks[1]?.requests.map((r) => `${r.method} ${r.path}`).slice(-1)).toEqual(['POST /checkout']);
    expect(counts.excluded).toContainEqual(['redirect targets (the client follows redirects)', 1]);
  });

  it('refuses a recording with nothing left to convert, saying what was left out', () => {
    const har = { log: { entries: [entry('p', 0, 'GET', `${APP}/a.png`, { response: { content: { mimeType: 'image/png' } } })] } };
    expect(() => convertHar(readHarLog(har, 'img.har'), { file: 'img.har' })).toThrow(
      'img.har: no request left to convert (left out: 1 static assets); --include-static and --all-origins keep more',
    );
  });

  it('names the file when an entry is not a request', () => {
    expect(() => readHarLog({ log: { entries: [{ request: {} }] } }, 'x.har')).toThrow('x.har: log.entries[0]: expected an entry with request.method and request.url');
  });
});
