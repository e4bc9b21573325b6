/**
 * DOM shorthands for the web UI's script. They only ever write text (never markup): every name
 * and figure on the page comes from the run, and a user script's endpoint names are not markup.
 */

/** An element the page's markup (src/ui/page.ts) is known to hold; a missing one is a bug. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`volley: the page has no #${id}`);
  return el as T;
}

/** Writes text only when it changed: most cells keep their value from one tick to the next. */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

export function show(el: HTMLElement, visible: boolean): void {
  if (el.hidden === visible) el.hidden = !visible;
}

export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string | null,
  text?: string | null,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined && text !== null) el.textContent = text;
  return el;
}

export function clear(el: Node): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * A link the page may follow: the server's own, by relative or same-origin URL. Anything else
 * (another origin, javascript:) is refused rather than linked.
 */
export function ownUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url === '') return null;
  try {
    const resolved = new URL(url, location.href);
    return resolved.origin === location.origin ? resolved.href : null;
  } catch {
    return null;
  }
}
