import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { generateSpCertificate } from '../../lib/sso/sp-certificate.ts';
import pg from 'pg';

// Finding 9 of issue 13: `npm start` in production mode never seeds the demo (whose operator
// login and password are public), refuses to start without the secrets every instance must
// share, and leaves migrations to their own deploy step.

const root = path.resolve(import.meta.dirname, '../..');
const START = path.join(root, 'lib/cli/start.ts');

interface Outcome {
  code: number | null;
  output: string;
}

/** Runs `npm start`'s script with exactly this environment (plus PATH); stops it if it comes up. */
function start(env: Record<string, string>, timeoutMs = 60_000): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', START], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/"msg":"listening"/.test(output)) child.kill('SIGTERM');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm start in production mode', () => {
  let database: TestDatabase;
  let secrets: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    // A port nobody else uses (several test runs may share the machine).
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const cert = generateSpCertificate();
    secrets = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      ROOT_DOMAIN: 'waypoint.example.com',
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      SAML_SP_CERT: Buffer.from(cert.publicKey).toString('base64'),
      SAML_SP_KEY: Buffer.from(cert.privateKey).toString('base64'),
      PORT: String(port),
      JOBS_IN_SERVER: 'false',
    };
  });

  afterAll(() => database?.cleanup());

  it('refuses to start without its secrets, naming each one', async () => {
    const { code, output } = await start({ NODE_ENV: 'production' });
    expect(code).toBe(78);
    for (const name of ['DATABASE_URL', 'ROOT_DOMAIN', 'NEXTAUTH_SECRET', 'ENCRYPTION_KEY', 'SAML_SP_CERT', 'SAML_SP_KEY']) expect(output).toContain(name);
    expect(output).not.toMatch(/generated for this checkout/);
  });

  it('refuses weak or malformed secrets, and several instances without a shared rate-limit store', async () => {
    const weak = await start({ ...secrets, NEXTAUTH_SECRET: 'short', ENCRYPTION_KEY: 'not-32-bytes' });
    expect(weak.code).toBe(78);
    expect(weak.output).toContain('NEXTAUTH_SECRET is too short');
    expect(weak.output).toContain('ENCRYPTION_KEY must be 32 bytes');
    const many = await start({ ...secrets, WAYPOINT_INSTANCES: '3' });
    expect(many.code).toBe(78);
    expect(many.output).toContain('REDIS_URL');
  });

  it('leaves migrations to `npm run db:migrate`, and never creates the demo data', async () => {
    const empty = `${database.url}_empty`;
    const admin = new pg.Client({ connectionString: database.serverUrl });
    await admin.connect();
    const name = new URL(empty).pathname.slice(1);
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const pending = await start({ ...secrets, DATABASE_URL: empty });
      expect(pending.code).toBe(78);
      expect(pending.output).toMatch(/migration\(s\) not applied.*npm run db:migrate/s);
      const check = new pg.Client({ connectionString: empty });
      await check.connect();
      expect((await check.query(`SELECT to_regclass('"User"') AS t`)).rows[0].t).toBeNull();
      await check.end();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.end();
    }

    // Migrated (as a deploy would): it starts if the app is built, refuses if not; either way no demo login appears.
    const outcome = await start(secrets, 120_000);
    expect([0, 78], outcome.output).toContain(outcome.code);
    if (outcome.code === 78) expect(outcome.output).toContain('npm run build');
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    const { rows } = await check.query(`SELECT count(*)::int AS n FROM "User" WHERE email LIKE '%@waypoint.test' OR email LIKE '%@acme.test'`);
    await check.end();
    expect(rows[0].n).toBe(0);
  });
});
