// Every error code Waypoint answers with, in one place: its HTTP status and what it means.
// AppError only accepts a code from this table with its status (checked by the compiler),
// problem+json bodies carry the code, and the developer docs list the table.

interface ErrorCodeInfo {
  /** The status it is answered with (a few codes have two, e.g. a malformed and a refused SAML response). */
  status: number | readonly number[];
  description: string;
}

export const ERROR_CODES = {
  bad_request: { status: 400, description: 'The request is malformed: an empty or unparseable body, a bad header or query parameter.' },
  invalid_signature: { status: 400, description: 'A signed request (a Stripe webhook) does not match its signature or is too old.' },
  invalid_stripe_event: { status: 400, description: 'A correctly signed Stripe webhook event is malformed (not an event, or a field of its object is missing or invalid); it is recorded and not applied.' },
  invalid_host: { status: 400, description: 'The Host header is missing or is not a host name.' },
  invalid_request: { status: 400, description: 'The OAuth authorization request is malformed.' },
  invalid_client: { status: 400, description: 'The OAuth client is unknown or not allowed here.' },
  invalid_redirect_uri: { status: 400, description: 'The redirect URI is not one the OAuth app registered.' },
  unauthorized: { status: 401, description: 'Sign in, or send valid credentials.' },
  invalid_api_key: { status: 401, description: 'The API key or access token is unknown, revoked or expired.' },
  api_key_revoked: { status: 401, description: 'The API key was revoked.' },
  api_key_expired: { status: 401, description: 'The API key has expired.' },
  api_key_rotated: { status: 401, description: "The API key's old secret stopped working after a rotation; use the new secret." },
  invalid_token: { status: 401, description: 'The OAuth access token is not valid.' },
  token_revoked: { status: 401, description: 'The OAuth access token (or its grant) was revoked.' },
  token_expired: { status: 401, description: 'The OAuth access token has expired; use the refresh token.' },
  wrong_workspace: { status: 401, description: 'The credential belongs to another workspace; call the API on its own workspace address.' },
  forbidden: { status: 403, description: 'You are signed in, but your role does not allow this.' },
  two_factor_required: { status: 403, description: 'The workspace requires two-factor authentication for admins and owners: turn it on under Account › Security first.' },
  insufficient_scope: { status: 403, description: 'The API key or access token lacks the scope the operation needs.' },
  ip_not_allowed: { status: 403, description: "The API key's IP allowlist does not include the caller's address." },
  plan_upgrade_required: { status: 403, description: "The workspace's plan does not include this feature; the message names the plan that does." },
  workspace_suspended: { status: 403, description: 'The workspace is suspended or canceled.' },
  app_not_installed: { status: 403, description: 'Only a workspace that has the marketplace app installed can review it.' },
  consent_expired: { status: 403, description: 'The consent form expired or was altered; ask again.' },
  cross_site_request: { status: 403, description: "A state-changing request did not come from the workspace's own pages (Origin or Sec-Fetch-Site)." },
  sso_refused: { status: [400, 403], description: 'The identity provider\'s sign-in response was malformed (400) or refused (403).' },
  sso_member_limit_reached: { status: 403, description: "The workspace's plan has no member seat left for a new SSO user." },
  sso_domain_not_verified: { status: 403, description: "The signed-in address is not in one of the workspace's verified domains." },
  sso_wrong_connection: { status: 403, description: "The signed-in address's domain signs in through another of the workspace's SAML connections." },
  sso_no_email: { status: 403, description: 'The identity provider sent no email address.' },
  sso_unavailable: { status: 403, description: "Single sign-on is not available on the workspace's plan or is not set up." },
  sso_wrong_workspace: { status: 403, description: 'The identity provider answered for another workspace.' },
  workspace_unavailable: { status: 403, description: 'The workspace cannot be signed in to right now.' },
  paid_app_needs_operator: { status: 403, description: 'The app is paid and billing is not configured on this server: the platform operator must allow it in the workspace before an admin can install it.' },
  partner_agreement_required: { status: 403, description: "The partner has not accepted the current partner agreement; an owner accepts it in the partner portal before apps are submitted or published." },
  not_found: { status: 404, description: 'No such resource here (or you cannot see it).' },
  workspace_not_found: { status: 404, description: 'No workspace is served at this address.' },
  workspace_required: { status: 404, description: "The endpoint is served on a workspace's own address, not on the platform's." },
  inngest_not_configured: { status: 404, description: 'Inngest is not configured; jobs run on the PostgreSQL queue.' },
  method_not_allowed: { status: 405, description: 'The endpoint does not answer this HTTP method.' },
  subscription_required: { status: 409, description: "A paid marketplace app is billed on the workspace's Stripe subscription: start (or renew) one in Settings › Billing first." },
  subscription_exists: { status: 409, description: 'The workspace already has a Stripe subscription (e.g. unpaid): pay or manage it in the billing portal instead of starting another.' },
  conflict: { status: 409, description: 'The request conflicts with the current state (a duplicate, or a change made meanwhile).' },
  idempotency_key_in_progress: { status: 409, description: 'A request with this Idempotency-Key is still being processed.' },
  idempotency_key_reused: { status: 409, description: 'The Idempotency-Key was used with a different request.' },
  review_reply_exists: { status: 409, description: 'The partner has already replied to this review; a review gets one reply.' },
  endpoint_disabled: { status: 409, description: 'The webhook endpoint is disabled; enable it before replaying its deliveries.' },
  sso_misconfigured: { status: 409, description: 'The single sign-on connection is misconfigured.' },
  hierarchy_too_deep: { status: 409, description: 'Resellers nest three levels deep at most.' },
  hierarchy_cycle: { status: 409, description: 'A reseller cannot be placed under itself.' },
  hierarchy_tier_mismatch: { status: 409, description: "The reseller's tier does not fit under that parent." },
  hierarchy_not_approved: { status: 409, description: 'The reseller is not approved yet.' },
  hierarchy_rate_above_parent: { status: 409, description: "A sub-reseller's rate cannot be above its parent's." },
  hierarchy_rate_below_children: { status: 409, description: "A reseller's rate cannot go below a sub-reseller's." },
  hierarchy_rate_out_of_range: { status: 409, description: 'A commission rate is between 0% and 100%.' },
  ticket_closed: { status: 409, description: 'The support ticket is closed (14 days after it was resolved): it takes no more comments or changes; open a new ticket.' },
  ticket_reopen_expired: { status: 409, description: 'A resolved support ticket can be reopened for 14 days; this one can no longer be.' },
  ticket_transition_invalid: { status: 409, description: "The support ticket's status cannot change that way (e.g. resolving a resolved ticket, or the responder reopening one); the message says why." },
  installation_ended: { status: 409, description: 'The app is no longer installed in the workspace: its past support tickets can be read, new ones cannot be opened.' },
  partner_application_decided: { status: 409, description: 'The partner application or account is not in a state that allows this decision (e.g. approving a rejected application).' },
  invitation_invalid: { status: 410, description: 'The invitation is no longer valid.' },
  invitation_expired: { status: 410, description: 'The invitation has expired.' },
  invitation_revoked: { status: 410, description: 'The invitation was withdrawn.' },
  invitation_used: { status: 410, description: 'The invitation was already used.' },
  reset_link_invalid: { status: 410, description: 'The password reset link was used or has expired; ask for a new one.' },
  signup_link_invalid: { status: 410, description: 'The sign-up link was used or has expired; sign up again.' },
  payload_too_large: { status: 413, description: 'The request body is larger than the endpoint accepts.' },
  unsupported_media_type: { status: 415, description: 'The request body has a content type the endpoint does not accept.' },
  image_too_small: { status: 422, description: 'The uploaded image is smaller than its use needs (a logo at least 64 px on its short side, a favicon at least 16 px).' },
  image_unreadable: { status: 422, description: 'The uploaded file looks like an image but its dimensions cannot be read (truncated or corrupt).' },
  validation_failed: { status: 422, description: 'Some fields are invalid; `errors` names each one with a message.' },
  rate_limited: { status: 429, description: 'Too many requests; retry after the number of seconds in Retry-After.' },
  quota_exceeded: { status: 429, description: "The workspace's plan quota for the billing period is used up." },
  internal_error: { status: 500, description: 'Something went wrong on our side; the requestId in the body helps support find it.' },
  billing_not_configured: { status: 503, description: 'Billing (Stripe) is not configured on this server.' },
  billing_misconfigured: { status: 503, description: 'A Stripe price the plan needs is missing.' },
  rate_limiter_unavailable: { status: 503, description: 'The rate limiter cannot be reached; retry in a few seconds.' },
  service_unavailable: { status: 503, description: 'The server is starting, stopping or cannot reach a dependency.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;
type Status<S> = S extends readonly (infer N)[] ? N : S;
export type StatusOf<C extends ErrorCode> = Status<(typeof ERROR_CODES)[C]['status']>;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}
