/**
 * The PostgreSQL the tests run against: the local server with trust auth, as user root or
 * postgres. When neither answers, tests fail saying so instead of being skipped.
 */
import pg from 'pg';

const CANDIDATES = ['postgres://root@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'];

export async function connectTestPostgres(): Promise<pg.Pool> {
  const failures: string[] = [];
  for (const connectionString of CANDIDATES) {
    const pool = new pg.Pool({ connectionString, max: 4 });
    try {
      await pool.query('SELECT 1');
      return pool;
    } catch (err) {
      failures.push(`${connectionString}: ${err instanceof Error ? err.message : String(err)}`);
      await pool.end().catch(() => undefined);
    }
  }
  throw new Error(`These tests need PostgreSQL at 127.0.0.1:5432 (database "test", trust auth). Tried:\n${failures.join('\n')}`);
}
