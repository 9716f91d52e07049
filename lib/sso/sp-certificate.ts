import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { env, isProduction } from '../config/env.ts';

// The certificate Waypoint signs AuthnRequests with (and IdPs may encrypt assertions to).
// SAML_SP_CERT and SAML_SP_KEY (PEM, or base64 of the PEM) set it; every instance of a
// multi-instance deployment must share them. Unset, `npm start` generates a pair once into
// .data/secrets.json (lib/cli/local-env.ts); a process started any other way without them
// (tests, a bare `next start`) generates an ephemeral pair.

export interface SpCertificate {
  /** PEM of the X.509 certificate. */
  publicKey: string;
  /** PEM of the RSA private key. */
  privateKey: string;
}

const holder = globalThis as unknown as { __waypointSpCertificate?: SpCertificate };

function pem(value: string): string {
  const trimmed = value.trim();
  return trimmed.startsWith('-----BEGIN') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8').trim();
}

/** A self-signed certificate (RSA 2048, SHA-256) in Waypoint's name, valid for ten years. */
export function generateSpCertificate(commonName = 'Waypoint SAML SP'): SpCertificate {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600_000);
  const attrs = [{ name: 'commonName', value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { publicKey: forge.pki.certificateToPem(cert), privateKey: privateKeyPem };
}

export function spCertificate(): SpCertificate {
  const { SAML_SP_CERT: cert, SAML_SP_KEY: key } = env();
  if (cert && key) return { publicKey: pem(cert), privateKey: pem(key) };
  // Production refuses to boot without the pair (lib/config/schema.ts); tests and scripts get
  // one for this process.
  if (isProduction()) throw new Error('SAML_SP_CERT and SAML_SP_KEY must be set in production.');
  holder.__waypointSpCertificate ??= generateSpCertificate();
  return holder.__waypointSpCertificate;
}
