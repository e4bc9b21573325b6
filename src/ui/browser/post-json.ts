/**
 * The page's one way to ask the server for something: a JSON post to a URL relative to the page.
 * The server takes actions only as JSON posts (a cross-site form cannot send that content type).
 */

export function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The server's refusal as the page shows it: its text, else what failed and the HTTP status. */
export async function refusal(res: Response, what: string): Promise<string> {
  const text = await res.text();
  return text.trim() || what + ' (HTTP ' + res.status + ').';
}
