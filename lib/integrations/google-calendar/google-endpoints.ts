import { env } from '../../config/env.ts';

// Where Google's OAuth and Calendar API live. GOOGLE_API_BASE sends every call to one base
// URL instead (tests run a fake Google there), with the real hosts' paths kept.

/** A call Google has not answered by then fails as "unavailable" and the sync is retried later, rather than holding its lease. */
export const GOOGLE_TIMEOUT_MS = 30_000;

export interface GoogleEndpoints {
  authorize: string;
  token: string;
  revoke: string;
  userinfo: string;
  /** rootUrl of the Calendar API client (it appends /calendar/v3/…); undefined = the SDK's own. */
  apiRoot: string | undefined;
}

export function googleEndpoints(): GoogleEndpoints {
  const base = env().GOOGLE_API_BASE?.replace(/\/+$/, '');
  if (!base) {
    return {
      authorize: 'https://accounts.google.com/o/oauth2/v2/auth',
      token: 'https://oauth2.googleapis.com/token',
      revoke: 'https://oauth2.googleapis.com/revoke',
      userinfo: 'https://openidconnect.googleapis.com/v1/userinfo',
      apiRoot: undefined,
    };
  }
  return {
    authorize: `${base}/o/oauth2/v2/auth`,
    token: `${base}/token`,
    revoke: `${base}/revoke`,
    userinfo: `${base}/v1/userinfo`,
    apiRoot: `${base}/`,
  };
}
