import { db } from '../../lib/db/client.ts';

// A real database fault for atomicity tests: a trigger makes inserting chosen event types
// into the DomainEvent outbox fail for one tenant, as a full disk or a lost connection would.
// The change and its event must then both be missing.

let installed: Promise<void> | undefined;

function install(): Promise<void> {
  installed ??= (async () => {
    await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "_test_outbox_fault" ("tenantId" text NOT NULL, "type" text NOT NULL)`);
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION "_test_outbox_fault_check"() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "_test_outbox_fault" f WHERE f."tenantId" = NEW."tenantId" AND f."type" = NEW."type") THEN
          RAISE EXCEPTION 'outbox unavailable';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "_test_outbox_fault" ON "DomainEvent"`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "_test_outbox_fault" BEFORE INSERT ON "DomainEvent" FOR EACH ROW EXECUTE FUNCTION "_test_outbox_fault_check"()`);
  })();
  return installed;
}

/** Until the returned function is called, writing these event types for the tenant fails. */
export async function failOutboxWrites(tenantId: string, types: string[]): Promise<() => Promise<void>> {
  await install();
  for (const type of types) await db.$executeRaw`INSERT INTO "_test_outbox_fault" ("tenantId", "type") VALUES (${tenantId}, ${type})`;
  return async () => {
    await db.$executeRaw`DELETE FROM "_test_outbox_fault" WHERE "tenantId" = ${tenantId}`;
  };
}
