/**
 * Runs independent queries side by side, one at a time per connection (a DuckDB connection runs
 * one query at a time; two connections of one instance run concurrently).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type Task<T> = (connection: DuckDBConnection) => Promise<T>;

/**
 * Each connection takes the next task until none is left. Results come in task order. When a
 * task fails no new ones start, and the first error is thrown once every running task is done,
 * so no query is still running on a connection the caller may close.
 */
export async function runEach<T>(connections: DuckDBConnection[], tasks: Task<T>[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  const errors: unknown[] = [];
  let next = 0;
  await Promise.all(
    [...new Set(connections)].map(async (connection) => {
      while (errors.length === 0 && next < tasks.length) {
        const i = next++;
        try {
          results[i] = await tasks[i]!(connection);
        } catch (err) {
          errors.push(err);
        }
      }
    }),
  );
  if (errors.length > 0) throw errors[0];
  return results;
}
