import pg from 'pg';

/**
 * Runs fn while another connection holds ACCESS EXCLUSIVE locks on these tables, and fails if
 * fn does not finish within `ms`: proof that fn's answer does not read or write them (e.g. an
 * answer that must not depend on whether an account exists never touches "User").
 */
export async function whileTablesLocked<T>(tables: string[], fn: () => Promise<T>, ms = 5_000): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${tables.map((table) => `"${table}"`).join(', ')} IN ACCESS EXCLUSIVE MODE`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`still waiting after ${ms} ms: it touched one of ${tables.join(', ')}`)), ms);
    });
    try {
      return await Promise.race([fn(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await client.query('COMMIT').catch(() => {});
    await client.end();
  }
}
