/**
 * Text placed inside `<script>` elements. The HTML parser ends a script at the first `</script`
 * whatever the JavaScript around it means, and `<!--` switches it into an escaped state, so a
 * message such as `</script><script>alert(1)</script>` in the embedded data would otherwise run.
 *
 * JSON is made inert by writing `<`, `>`, `&` and the two JavaScript line separators as `\uXXXX`
 * escapes: `JSON.parse` reads them back unchanged, and the markup never sees a `<` at all.
 */

const JSON_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** `JSON.stringify(value)`, safe to place inside `<script type="application/json">`. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => JSON_ESCAPES[c] as string);
}

/**
 * Library code (uPlot, the report's own script) to inline. In valid JavaScript `</script` and
 * `<!--` can only occur inside strings, regular expressions and comments, where `<\/` and `<\!`
 * mean the same; the replacement guards against a future uPlot release that contains them.
 */
export function scriptForInline(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
