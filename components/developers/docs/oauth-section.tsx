import type { ReactNode } from 'react';
import type { Terminology } from '@/lib/branding/terminology';
import { oauthJavascriptSample, oauthPythonSample } from '@/lib/oauth/docs-samples';
import { describeScopes, OAUTH_SCOPES } from '@/lib/oauth/oauth-scopes';
import { ACCESS_TOKEN_LIFETIME, AUTHORIZATION_CODE_LIFETIME, REFRESH_REUSE_GRACE, REFRESH_TOKEN_LIFETIME } from '@/lib/oauth/token-lifetimes';
import { CodeTabs } from './code-tabs';

const code = (text: string) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em]">{text}</code>;

function Topic({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <div className="flex flex-col gap-2 text-sm leading-6 text-slate-700">{children}</div>
    </div>
  );
}

/** The token endpoint's errors (RFC 6749 §5.2) and when each is answered. */
const TOKEN_ERRORS: [string, string, string][] = [
  ['invalid_request', '400', 'A parameter is missing, repeated or malformed, or the body is not application/x-www-form-urlencoded. 405 (with Allow: POST) for another method than POST.'],
  ['invalid_client', '401', 'Unknown client, wrong secret, a public client sending a secret, or a confidential one sending none. Always with a WWW-Authenticate: Basic challenge.'],
  ['invalid_grant', '400', 'The code or refresh token is unknown, expired, already used or revoked, was issued to another client or workspace, the PKCE verifier is wrong, or redirect_uri differs from the authorization request.'],
  ['unauthorized_client', '400', 'Client credentials asked by a public app, or on another workspace than the one that registered the app.'],
  ['unsupported_grant_type', '400', 'Anything but authorization_code, refresh_token and client_credentials (there is no password grant).'],
  ['invalid_scope', '400', 'A scope beyond the app’s allowance, or (refresh) beyond what was granted. The refresh token stays valid.'],
];

const hours = (seconds: number) => `${seconds / 3600} hour${seconds === 3600 ? '' : 's'}`;

/**
 * OAuth 2.0 for third-party apps: the workspace's authorization server, its rules and errors,
 * and a worked example in JavaScript and Python.
 */
export function OAuthSection({ issuer, workspaceName, terminology }: { issuer: string; workspaceName: string; terminology: Terminology }) {
  const sample = { issuer, clientId: 'wpc_your_client_id', redirectUri: 'https://app.example.com/callback', scope: 'read:users read:goals' };
  return (
    <section aria-labelledby="oauth" className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="oauth-docs">
      <h1 id="oauth" className="text-2xl font-bold text-slate-900">
        OAuth 2.0
      </h1>
      <p className="text-sm leading-6 text-slate-700">
        Apps that act for people (or, with client credentials, for the workspace that registered them) use OAuth 2.0 instead of API keys. Register an app under Developers → OAuth
        apps; the access tokens it gets work on this API like keys, within the scopes the person allowed and never beyond their role.
      </p>
      <div className="grid gap-5 md:grid-cols-2">
        <Topic title="One authorization server per workspace">
          <p>
            {workspaceName}&apos;s issuer is {code(issuer)}; its metadata (RFC 8414) is at {code(`${issuer}/.well-known/oauth-authorization-server`)}. Tokens and codes work
            only on the workspace they were issued on: a person in another workspace authorizes your app on that workspace&apos;s own address, so discover per workspace. Answers
            to /oauth/authorize carry {code('iss')} (RFC 9207) so your callback can tell them apart.
          </p>
        </Topic>
        <Topic title="Authorization code with PKCE">
          <p>
            {code('response_type=code')} with a {code('state')} and PKCE {code('S256')} ({code('plain')} is refused). PKCE is required for public apps (browser, mobile,
            desktop) and accepted from confidential ones. If the authorization request names {code('redirect_uri')}, the token request must repeat it exactly. Confidential
            apps authenticate with {code('client_secret_basic')} or {code('client_secret_post')}; public ones send only {code('client_id')}.
          </p>
        </Topic>
        <Topic title="Redirect URIs">
          <p>
            Matched exactly; no wildcards. https, except http on loopback addresses. Native apps (RFC 8252) may use {code('http://127.0.0.1')} or {code('http://[::1]')} on any
            port, and public apps a reverse-domain scheme such as {code('com.example.app:/callback')}.
          </p>
        </Topic>
        <Topic title="Lifetimes">
          <p>
            Codes: {AUTHORIZATION_CODE_LIFETIME / 60} minutes, single use (a second use revokes what the first issued). Access tokens: {hours(ACCESS_TOKEN_LIFETIME)}. Refresh
            tokens: {REFRESH_TOKEN_LIFETIME / 86400} days from their issue.
          </p>
        </Topic>
        <Topic title="Refresh token rotation">
          <p>
            Every refresh returns a new refresh token; store it and drop the old one. A retry with the same refresh token within {REFRESH_REUSE_GRACE} seconds (two requests that
            raced, or an answer that got lost) gets the same new pair. Presenting an old refresh token later, or after its new pair was used, is treated as theft: the whole
            authorization is revoked and the person must allow the app again. A refused refresh (e.g. {code('invalid_scope')}) does not use the token up.
          </p>
        </Topic>
        <Topic title={`Sign in with ${workspaceName} (OpenID Connect)`}>
          <p>
            Ask for {code('openid')} (and {code('profile')} for the name, {code('email')} for the address) with a {code('nonce')}: the token response then carries an{' '}
            {code('id_token')}, an RS256 JWT with {code('iss')} (the issuer above), {code('sub')} (the person&apos;s id, stable across sign-ins and apps), {code('aud')} (your
            client_id), your {code('nonce')} and {code('auth_time')}; refreshes bring a new one. Verify it against {code(`${issuer}/oauth/jwks`)} (keys rotate; pick by{' '}
            {code('kid')}); discovery is at {code(`${issuer}/.well-known/openid-configuration`)}, and {code('GET /oauth/userinfo')} with the access token returns the same claims.
          </p>
        </Topic>
        <Topic title="Revocation and introspection">
          <p>
            {code('POST /oauth/revoke')} (RFC 7009) ends a token and what was refreshed from it; {code('POST /oauth/introspect')} (RFC 7662) tells a confidential app whether its
            token is active and what it can do now. People disconnect apps under their account; admins revoke any under Settings → Authorized apps.
          </p>
        </Topic>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-900">Scopes</h2>
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="oauth-scopes">
          {describeScopes(OAUTH_SCOPES, terminology).map(({ scope, description }) => (
            <div key={scope} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:gap-4">
              <dt className="shrink-0 sm:w-48">
                <code className="font-mono text-slate-900">{scope}</code>
              </dt>
              <dd className="text-slate-600">{description}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-900">Errors</h2>
        <p className="text-sm text-slate-700">
          The token, revocation and introspection endpoints answer errors as RFC 6749 JSON, {code('{"error": "…", "error_description": "…"}')}, never cached. Errors at
          /oauth/authorize go back to your redirect URI with {code('error')} and your {code('state')}, except an unknown client or an unregistered redirect URI, which are shown on
          the page (400) and never redirected.
        </p>
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="oauth-errors">
          {TOKEN_ERRORS.map(([error, status, description]) => (
            <div key={error} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:gap-4">
              <dt className="flex shrink-0 items-baseline gap-2 sm:w-64">
                <code className="font-mono text-slate-900">{error}</code>
                <span className="text-xs text-slate-500">{status}</span>
              </dt>
              <dd className="text-slate-600">{description}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-900">Worked example</h2>
        <p className="text-sm text-slate-700">
          A server app: discovery, the consent screen with PKCE, the code swapped for tokens, a call to the API, and a refresh. The secret is read from {code('WAYPOINT_CLIENT_SECRET')}.
        </p>
        <CodeTabs
          label="OAuth example"
          samples={[
            { id: 'javascript', label: 'JavaScript (openid-client)', code: oauthJavascriptSample(sample) },
            { id: 'python', label: 'Python (Authlib)', code: oauthPythonSample(sample) },
          ]}
        />
      </div>
    </section>
  );
}
