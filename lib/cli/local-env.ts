import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSpCertificate } from '../sso/sp-certificate.ts';

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
  // The SAML service provider's signing certificate (IdPs are given it once, so it must last).
  if (!process.env.SAML_SP_CERT || !process.env.SAML_SP_KEY) {
    if (!secrets.SAML_SP_CERT || !secrets.SAML_SP_KEY) {
      const cert = generateSpCertificate();
      secrets.SAML_SP_CERT = Buffer.from(cert.publicKey).toString('base64');
      secrets.SAML_SP_KEY = Buffer.from(cert.privateKey).toString('base64');
      changed = true;
    }
    process.env.SAML_SP_CERT = secrets.SAML_SP_CERT;
    process.env.SAML_SP_KEY = secrets.SAML_SP_KEY;
  }
  if (changed) {
    mkdirSync('.data', { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
}
