import { hkdfSync } from 'node:crypto';
import type { JacksonOption } from '@boxyhq/saml-jackson';
import { env, platformOrigin } from '../config/env.ts';
import { logger } from '../observability/logger.ts';
import { ACS_PATH, spEntityId } from './sp-identity.ts';
import { spCertificate } from './sp-certificate.ts';

// Jackson's configuration, kept apart from the singleton so it can be read and tested alone.

function derive(label: string): Buffer {
  const raw = env().ENCRYPTION_KEY;
  if (!raw) throw new Error('ENCRYPTION_KEY is not set: `npm start` generates one into .data/secrets.json; set it explicitly in production.');
  return Buffer.from(hkdfSync('sha256', Buffer.from(raw, 'base64'), Buffer.alloc(0), `waypoint:${label}`, 32));
}

/** Jackson's at-rest key: 32 bytes from ENCRYPTION_KEY (HKDF), base64 (Jackson decodes any non-32-char key as base64). */
export function jacksonEncryptionKey(): string {
  return derive('saml-jackson:encryption:v1').toString('base64');
}

/** The client secret Jackson accepts for code exchanges by tenant/product (ours, in-process only). */
export function jacksonClientSecret(): string {
  return derive('saml-jackson:client-secret:v1').toString('base64url');
}

/** Jackson logs its start-up chatter at info; keep that quiet unless SSO_DEBUG is set. */
const jacksonLogger: NonNullable<JacksonOption['logger']> = {
  info: (msg) => {
    if (env().SSO_DEBUG) logger().info({ component: 'jackson' }, `sso: ${msg}`);
  },
  warn: (msg, err) => logger().warn({ component: 'jackson', err }, `sso: ${msg}`),
  // A refused SAMLResponse is bad input, not a fault of ours: the ACS reports it to the user.
  error: (msg, err) => (msg.startsWith('SAMLResponse error') ? logger().warn({ component: 'jackson' }, `sso: ${msg}`) : logger().error({ component: 'jackson', err }, `sso: ${msg}`)),
};

export function jacksonOptions(databaseUrl: string): JacksonOption {
  const cert = spCertificate();
  return {
    externalUrl: platformOrigin(),
    samlPath: ACS_PATH,
    samlAudience: spEntityId(),
    // IdP-initiated sign-in (a tile in Okta's dashboard): the connection is found by the issuer.
    idpEnabled: true,
    noAnalytics: true,
    clientSecretVerifier: jacksonClientSecret(),
    // Jackson takes base64 of the PEMs.
    certs: { publicKey: Buffer.from(cert.publicKey).toString('base64'), privateKey: Buffer.from(cert.privateKey).toString('base64') },
    db: {
      engine: 'sql',
      type: 'postgres',
      url: databaseUrl,
      encryptionKey: jacksonEncryptionKey(),
      // OAuth sessions, codes and tokens live five minutes; expired ones are swept in batches.
      ttl: 300,
      cleanupLimit: 1000,
      pageLimit: 100,
    },
    openid: { redirectExactMatch: true },
    // Failed sign-ins leave a trace for a week (no SAMLResponse or profile in it: personal data).
    ssoTraces: { redact: true, ttl: 7 * 24 * 3600 },
    logger: jacksonLogger,
  };
}
