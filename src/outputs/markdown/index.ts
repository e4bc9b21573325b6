/**
 * The Markdown summary (`--md file.md`) for CI step summaries and pull-request comments.
 * Other layers import from here only.
 */

export { type MarkdownFileOptions, MarkdownFileOutput, writeMarkdownSummary } from './markdown-output.js';
export { formatMarkdownSummary, TOP_ENDPOINTS, TOP_ERRORS } from './markdown-summary.js';
export { escapeMarkdown } from './markdown-text.js';
