/**
 * A scenario's folder name in the history store: lower case, letters and digits joined by `-`,
 * so any scenario name ("Checkout / EU", "платёж") maps to a path that is safe on every file
 * system and readable in a file browser.
 */

const MAX_SLUG = 80;

export function scenarioSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    // NFKD splits accented letters into letter + combining mark: keep the letter (é → e).
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  return slug === '' ? 'unnamed' : slug;
}

/** `2025-01-31T12:00:00.000Z` → `2025-01-31T12-00-00.000Z`: no `:` (invalid on Windows). */
export function runFileStem(startedAt: string): string {
  return startedAt.replace(/[^0-9A-Za-z.-]/g, '-');
}
