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

/** A row lock held by another connection until `release`: to line transactions up in a chosen order. */
export async function holdRowLock(table: string, id: string): Promise<{ pid: number; lockToo: (table: string, id: string) => Promise<void>; release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  return {
    pid: rows[0].pid,
    /** Locks one more row in the same transaction (waits if another holds it). */
    lockToo: async (other: string, otherId: string) => {
      await client.query(`SELECT 1 FROM "${other}" WHERE id = $1 FOR UPDATE`, [otherId]);
    },
    release: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

/** Waits until a backend other than `known` waits for a lock held by one of `holders`; its pid. */
export async function waitForBlockedBackend(holders: number[], known: number[] = [], ms = 5_000): Promise<number> {
  const deadline = Date.now() + ms;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE pg_blocking_pids(pid) && $1::int[] AND NOT (pid = ANY($2::int[]))', [holders, known]);
      if (rows[0]) return rows[0].pid;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`no backend waited on ${holders.join(', ')} within ${ms} ms`);
  } finally {
    await client.end();
  }
}
