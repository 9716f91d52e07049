import { rotateDueSigningKeys } from '../../oauth/signing-keys.ts';
import { defineJob, noPayload } from '../define-job.ts';

export const oauthJobs = [
  /** Replaces OpenID Connect signing keys that have signed long enough (lib/oauth/signing-keys.ts). */
  defineJob({
    name: 'oidc.rotate_keys',
    payload: noPayload,
    cron: '45 2 * * *',
    retry: { retries: 2, delaysSeconds: [300, 1800] },
    run: () => rotateDueSigningKeys(new Date()),
  }),
];
