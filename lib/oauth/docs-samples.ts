// The worked examples of the developer docs' OAuth section: a confidential server app doing the
// authorization code flow with PKCE, calling the API and refreshing, in JavaScript
// (openid-client 6) and Python (Authlib). tests/unit/oauth-samples.test.ts keeps them valid.

export interface OAuthSampleInput {
  /** The workspace's issuer (its authorization server): discovery starts here. */
  issuer: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

export const CLIENT_SECRET_VARIABLE = 'WAYPOINT_CLIENT_SECRET';

export function oauthJavascriptSample({ issuer, clientId, redirectUri, scope }: OAuthSampleInput): string {
  const js = JSON.stringify;
  return `import * as client from "openid-client";

// 1. Discover ${issuer}'s authorization server (RFC 8414 metadata).
//    A public app (SPA, mobile, desktop) passes client.None() and no secret.
const config = await client.discovery(
  new URL(${js(issuer)}),
  ${js(clientId)},
  undefined,
  client.ClientSecretBasic(process.env.${CLIENT_SECRET_VARIABLE}),
  { algorithm: "oauth2" },
);

// 2. Send the person to the consent screen, with PKCE (S256) and a state.
//    Keep codeVerifier and state in their session until they come back.
const codeVerifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const authorizationUrl = client.buildAuthorizationUrl(config, {
  redirect_uri: ${js(redirectUri)},
  scope: ${js(scope)},
  code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
  code_challenge_method: "S256",
  state,
});
console.log("Open", authorizationUrl.href);

// 3. Your redirect URI handler calls this with the URL it was called on: it checks the answer
//    (state, iss) and swaps the code for tokens.
async function onCallback(callbackUrl) {
  const tokens = await client.authorizationCodeGrant(config, new URL(callbackUrl), { pkceCodeVerifier: codeVerifier, expectedState: state });

  // 4. Call the API as the person who allowed it.
  const me = await client.fetchProtectedResource(config, tokens.access_token, new URL(${js(`${issuer}/api/v1/users/me`)}), "GET");
  console.log(await me.json());

  // 5. Access tokens last an hour. Refresh, and keep the NEW refresh token: each one works once.
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  return refreshed;
}
`;
}

export function oauthPythonSample({ issuer, clientId, redirectUri, scope }: OAuthSampleInput): string {
  const py = (value: string) => pythonLiteral(value);
  return `import os

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session

# 1. Discover ${issuer}'s authorization server (RFC 8414 metadata).
ISSUER = ${py(issuer)}
metadata = requests.get(ISSUER + "/.well-known/oauth-authorization-server", timeout=10).json()

# A public app leaves out client_secret and uses token_endpoint_auth_method="none".
session = OAuth2Session(
    client_id=${py(clientId)},
    client_secret=os.environ["${CLIENT_SECRET_VARIABLE}"],
    token_endpoint_auth_method="client_secret_basic",
    scope=${py(scope)},
    redirect_uri=${py(redirectUri)},
    code_challenge_method="S256",
)

# 2. Send the person to the consent screen, with PKCE (S256) and a state.
#    Keep code_verifier and state in their session until they come back.
code_verifier = generate_token(48)
authorization_url, state = session.create_authorization_url(metadata["authorization_endpoint"], code_verifier=code_verifier)
print("Open", authorization_url)


# 3. On your redirect URI: swap the code for tokens (Authlib checks the state).
def on_callback(callback_url):
    token = session.fetch_token(metadata["token_endpoint"], authorization_response=callback_url, code_verifier=code_verifier, state=state)

    # 4. Call the API as the person who allowed it.
    print(session.get(ISSUER + "/api/v1/users/me", timeout=10).json())

    # 5. Access tokens last an hour. Refresh, and keep the NEW refresh token: each one works once.
    return session.refresh_token(metadata["token_endpoint"], refresh_token=token["refresh_token"])
`;
}

/** JSON as a Python literal (True/False/None, trailing commas), indented one level per depth. */
export function pythonLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => inner + pythonLiteral(v, inner)).join(',\n')},\n${indent}]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)}`).join(',\n')},\n${indent}}` : '{}';
  }
  // JSON's string escapes are all valid in Python string literals.
  return JSON.stringify(value);
}
