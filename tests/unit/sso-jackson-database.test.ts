import { describe, expect, it } from 'vitest';
import { jacksonDatabaseUrl } from '../../lib/sso/jackson-database.ts';

describe("Jackson's database URL", () => {
  it('selects the jackson schema and keeps other options', () => {
    const url = new URL(jacksonDatabaseUrl('postgresql://u:p@db:5432/app?schema=public&sslmode=require&options=-c%20statement_timeout%3D5000'));
    expect(url.searchParams.get('options')).toBe('-c statement_timeout=5000 -c search_path=jackson');
    expect(url.searchParams.get('sslmode')).toBe('require');
    expect(url.searchParams.has('schema')).toBe(false);
    expect(url.searchParams.get('max_conns')).toBe('5');
  });
});
