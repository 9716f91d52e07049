import { createHash } from 'node:crypto';

// pg-boss 10 enforces a singletonKey only under some queue policies or time slots, but it
// always inserts with ON CONFLICT DO NOTHING on the job id. A UUID derived from the job name
// and the key makes a repeated send of the same key a no-op on any queue, for as long as the
// first job is in pgboss.job (finished jobs move to the archive after 12 hours).
export function jobIdFor(name: string, key: string): string {
  const hex = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
