import type { SAMLJackson } from '@boxyhq/saml-jackson';
import { jacksonDatabaseUrl, withJacksonSchema } from './jackson-database.ts';
import { jacksonOptions } from './jackson-options.ts';
import { config } from '../config/env.ts';

// One embedded Jackson (SAML SSO and SCIM directory sync) per process, on the app's
// PostgreSQL in its own "jackson" schema. Node runtime only: never import this from proxy.ts.
// Next may load this module in several bundles, so the instance lives on globalThis.

export type Jackson = SAMLJackson;

const holder = globalThis as unknown as { __waypointJackson?: Promise<Jackson> };

async function createJackson(): Promise<Jackson> {
  // Its start-up holds a session advisory lock: past PgBouncer, the direct URL.
  const databaseUrl = config.directDatabaseUrl;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: start the app with `npm start` or set DATABASE_URL.');
  // Loaded on first use: Jackson pulls in many drivers, and most requests never need it.
  const mod = (await import('@boxyhq/saml-jackson')) as unknown as { controllers?: (opts: unknown) => Promise<Jackson>; default: { controllers: (opts: unknown) => Promise<Jackson> } };
  const controllers = mod.controllers ?? mod.default.controllers;
  return withJacksonSchema(databaseUrl, () => controllers(jacksonOptions(jacksonDatabaseUrl(databaseUrl))));
}

/** The process's Jackson controllers (connectionAPIController, oauthController, directorySyncController, spConfig, …). */
export function getJackson(): Promise<Jackson> {
  holder.__waypointJackson ??= createJackson().catch((error: unknown) => {
    holder.__waypointJackson = undefined; // let the next call try again
    throw error;
  });
  return holder.__waypointJackson;
}

/** Closes Jackson's database pool (tests, shutdown). */
export async function closeJackson(): Promise<void> {
  const pending = holder.__waypointJackson;
  holder.__waypointJackson = undefined;
  if (pending) await (await pending).close();
}
