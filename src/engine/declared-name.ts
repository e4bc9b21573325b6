/**
 * The name a user class was declared under (`const Patient = defineUser(…)`), when the scenario
 * loader's esbuild plugin (runner/declared-names.ts) tagged it: a class imported from another
 * module or kept unexported is not among the scenario file's exports, and would otherwise be
 * called `User1`.
 */

/** Shared with the bundled scenario through the global symbol registry. */
export const DECLARED_NAME = Symbol.for('volley.declaredName');

export function declaredName(user: object): string | undefined {
  const name = (user as Record<symbol, unknown>)[DECLARED_NAME];
  return typeof name === 'string' ? name : undefined;
}
