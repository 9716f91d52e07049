import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Loads .env (if any) and fills in generated local secrets that are not set. */
export function loadLocalEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const file = path.join('.data', 'secrets.json');
  let secrets: Record<string, string> = {};
  if (existsSync(file)) secrets = JSON.parse(readFileSync(file, 'utf8'));
  let changed = false;
  for (const name of ['NEXTAUTH_SECRET', 'ENCRYPTION_KEY']) {
    if (process.env[name]) continue;
    if (!secrets[name]) {
      // Generated once per checkout and kept, so sessions and encrypted secrets survive restarts.
      secrets[name] = randomBytes(32).toString(name === 'ENCRYPTION_KEY' ? 'base64' : 'base64url');
      changed = true;
    }
    process.env[name] = secrets[name];
  }
  if (changed) {
    mkdirSync('.data', { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
}
