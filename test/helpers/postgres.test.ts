/**
 * The throwaway PostgreSQL of test/helpers/postgres.ts: it starts, answers a query through `pg`
 * on its loopback port, and leaves nothing behind when stopped.
 */

import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { postgresSkipReason, startPostgres } from './postgres.js';

const skip = postgresSkipReason();

describe.skipIf(skip !== undefined)(`the throwaway PostgreSQL${skip === undefined ? '' : ` (skipped: ${skip})`}`, () => {
  it('starts on 127.0.0.1, answers select 1, and is gone once stopped', async () => {
    const server = await startPostgres();
    try {
      expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/volley`);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ one: number; database: string }>(
        'select 1 as one, current_database() as database',
      );
      await client.end();
      expect(rows).toEqual([{ one: 1, database: 'volley' }]);
    } finally {
      await server.stop();
    }
    const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
    await expect(client.connect()).rejects.toThrow();
    await server.stop();
  });
});
