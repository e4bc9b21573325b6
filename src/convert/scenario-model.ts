/**
 * What `volley convert` makes of a recording or an API description, before it is TypeScript:
 * one user class whose tasks run in order, each a list of requests. Both readers (HAR, OpenAPI)
 * produce this; the one writer (`scenario-writer.ts`) turns it into source.
 */

/** A header value: recorded text, or a secret read from an environment variable. */
export type HeaderValue =
  | { kind: 'text'; text: string }
  /** `${prefix}${process.env[variable]}`: `Bearer ` + API_TOKEN. */
  | { kind: 'env'; variable: string; prefix: string };

export interface ConvertedRequest {
  method: string;
  /** Relative to the scenario's host, without the query string. */
  path: string;
  /** The stats row's name when it differs from the path (`/api/items/[id]`). */
  name?: string;
  query: readonly (readonly [string, string])[];
  headers: readonly (readonly [string, HeaderValue])[];
  /** A JSON body (sent with `json:`). */
  json?: unknown;
  /** Any other body, as text (sent with `body:`). */
  body?: string;
  /** Statuses that count as success; undefined keeps the client's default (below 400). */
  expect?: readonly number[];
  /** Extra statuses accepted only while an environment variable is empty (401 without a token). */
  expectWithoutSecret?: { variable: string; statuses: readonly number[] };
  /** One line saying where the request came from. */
  comment?: string;
}

export interface ConvertedTask {
  name: string;
  /** Lines of the comment above the task. */
  comment: readonly string[];
  requests: readonly ConvertedRequest[];
  /** Seconds to pause after the task's requests (think time); 0 or undefined for none. */
  thinkTimeSeconds?: number;
  /** Why the task pauses, shown beside the sleep. */
  thinkTimeComment?: string;
}

/** A secret the scenario reads from the environment instead of carrying it. */
export interface SecretVariable {
  variable: string;
  /** Why it exists: `the recorded authorization header`. */
  origin: string;
}

export interface ConvertedScenario {
  /** The scenario's name (reports). */
  name: string;
  /** `http://127.0.0.1:8000`: the origin every path is relative to. */
  host: string;
  userName: string;
  /** Lines of the file's header comment (where it came from, what was kept and dropped). */
  header: readonly string[];
  /** The pause after every task, as a duration literal such as `'100ms'`; undefined for none. */
  wait?: string;
  secrets: readonly SecretVariable[];
  tasks: readonly ConvertedTask[];
}

/** Counts printed after a conversion: what was kept and what was left out, by reason. */
export interface ConversionCounts {
  kept: number;
  tasks: number;
  excluded: readonly (readonly [reason: string, count: number])[];
}

export interface Conversion {
  scenario: ConvertedScenario;
  counts: ConversionCounts;
}
