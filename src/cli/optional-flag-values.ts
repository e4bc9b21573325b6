/**
 * Flags whose value is optional and a number (`--slowest [n]`). Commander gives such a flag the
 * next word whatever it is, so `volley run --slowest shop.ts` would read `shop.ts` as the count
 * and lose the scenario. Here a flag followed by anything but a number moves to the end of the
 * command line, where no word follows it.
 */

const NUMERIC_OPTIONAL_FLAGS: readonly string[] = ['--slowest'];

export function withOptionalFlagValues(argv: readonly string[]): string[] {
  const moved: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') {
      kept.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (NUMERIC_OPTIONAL_FLAGS.includes(word) && next !== undefined && !next.startsWith('-') && !/^\d/.test(next)) moved.push(word);
    else kept.push(word);
  }
  return [...kept, ...moved];
}
