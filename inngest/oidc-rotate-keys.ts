import { JOBS } from '../lib/jobs/job-types.ts';
import { rotateDueSigningKeys } from '../lib/oauth/signing-keys.ts';
import { inngest } from './client.ts';
import { inngestRetries, withRetrySchedule } from './retry-schedule.ts';

// Daily: replaces the OpenID Connect signing keys that are due (safe to run twice: a key just made is not due).
export const oidcRotateKeysFunction = inngest.createFunction(
  { id: 'oidc-rotate-keys', retries: inngestRetries('oidc.rotate_keys') },
  [{ cron: `TZ=UTC ${JOBS['oidc.rotate_keys'].cron}` }, { event: 'oidc.rotate_keys' }],
  async ({ step, attempt }) => step.run('rotate', () => withRetrySchedule('oidc.rotate_keys', attempt, () => rotateDueSigningKeys(new Date()))),
);
