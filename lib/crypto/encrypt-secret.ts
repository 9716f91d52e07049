import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '../config/env.ts';

// Secrets the app must read back (webhook signing secrets) are encrypted at rest with
// AES-256-GCM under ENCRYPTION_KEY (32 bytes, base64). Stored as v1.<iv>.<tag>.<ciphertext>
// so the format can change later without ambiguity.

function key(): Buffer {
  const raw = env().ENCRYPTION_KEY;
  if (!raw) throw new Error('ENCRYPTION_KEY is not set: `npm start` generates one into .data/secrets.json; set it explicitly in production.');
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`).');
  return bytes;
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || ciphertext === undefined) throw new Error('Unknown encrypted secret format.');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
}
