import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSpCertificate } from '../sso/sp-certificate.ts';

/**
 * Demo mode only: loads .env (if any) and fills in the secrets that are not set with ones
 * generated once for this checkout, and says so: instances on other machines would generate
 * others, and could not read this one's cookies or encrypted secrets (production refuses to
 * start without them, lib/config/schema.ts).
 */
export function loadLocalEnv(log: (line: string) => void = (line) => console.log(`[waypoint] ${line}`)): void {
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
  const generated = Object.keys(secrets).filter((name) => process.env[name] === secrets[name]);
  if (generated.length > 0) log(`${generated.join(', ')} come from ${file}, generated for this checkout (fine for a demo; set them in production).`);
}
