/**
 * Safe-by-default HTML building for the report. Everything in it that came from the target or
 * the script (error messages, endpoint, check and user names, the scenario's file path) could
 * contain markup, so the `html` tag escapes every interpolated value unless it is already
 * `SafeHtml` (the output of another `html` call). Forgetting to escape then takes effort, and
 * the section renderers can interpolate plain strings without thinking about it.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Markup known to be safe: built by `html`, or a constant written in this folder. */
export class SafeHtml {
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  toString(): string {
    return this.text;
  }
}

/** `false`, `null` and `undefined` render nothing, so `cond && html\`…\`` works in templates. */
export type HtmlValue = SafeHtml | string | number | false | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.text;
  if (typeof value === 'number') return escapeHtml(String(value));
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(render).join('');
}

/** A template whose interpolations are escaped (arrays are rendered item by item). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return new SafeHtml(out);
}

/** Trusted markup, for the report's own constants (inlined CSS and scripts). Never target data. */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** True when a section rendered nothing, so the page can leave it out. */
export function isEmpty(value: SafeHtml): boolean {
  return value.text.trim() === '';
}
