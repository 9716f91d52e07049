// How long each OAuth credential lives (seconds). Codes are single use; refresh tokens are
// rotated on every use, so a refresh token's 30 days restart with each exchange.
export const AUTHORIZATION_CODE_LIFETIME = 10 * 60;
export const ACCESS_TOKEN_LIFETIME = 60 * 60;
export const REFRESH_TOKEN_LIFETIME = 30 * 24 * 60 * 60;
/** How long a consent form (its signed hidden fields) may wait for the user's decision. */
export const CONSENT_FORM_LIFETIME = 30 * 60;
/**
 * How long after a rotation the old refresh token still answers with the pair it was rotated
 * into: a client whose request raced another (two tabs, a retried request whose answer was lost)
 * gets the same pair instead of having its authorization revoked for reuse.
 */
export const REFRESH_REUSE_GRACE = 30;
/** OpenID Connect ID tokens live as long as the access token issued with them. */
export const ID_TOKEN_LIFETIME = ACCESS_TOKEN_LIFETIME;
