import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { oauthJavascriptSample, oauthPythonSample, pythonLiteral, type OAuthSampleInput } from '../../lib/oauth/docs-samples.ts';

// The OAuth worked examples of the developer docs: the JavaScript compiles (openid-client's
// import aside, which becomes a parameter), the Python parses, and both take the workspace's
// values through their languages' quoting.

const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;
const input: OAuthSampleInput = { issuer: 'https://acme.example.com', clientId: 'wpc_abc"\\\'', redirectUri: 'https://app.example.com/callback?x="y"', scope: 'read:users read:goals' };
const python3 = spawnSync('python3', ['--version']).status === 0;

describe('OAuth docs samples', () => {
  it('JavaScript: compiles, with openid-client discovery (oauth2), PKCE S256, state, the code grant and a refresh', () => {
    const sample = oauthJavascriptSample(input);
    expect(sample.startsWith('import * as client from "openid-client";\n')).toBe(true);
    const body = sample.replace('import * as client from "openid-client";\n', '');
    expect(() => new AsyncFunction('client', 'process', body)).not.toThrow();
    for (const part of ['client.discovery(', '{ algorithm: "oauth2" }', 'code_challenge_method: "S256"', 'expectedState: state', 'pkceCodeVerifier: codeVerifier', 'client.refreshTokenGrant(', JSON.stringify(input.clientId), JSON.stringify(input.redirectUri)]) {
      expect(sample).toContain(part);
    }
  });

  it('Python: Authlib with PKCE S256, the code grant and a refresh, values quoted', () => {
    const sample = oauthPythonSample(input);
    for (const part of ['OAuth2Session(', 'code_challenge_method="S256"', 'create_authorization_url(', 'fetch_token(', 'refresh_token(', '/.well-known/oauth-authorization-server']) expect(sample).toContain(part);
    expect(sample).not.toContain(input.clientId);
  });

  // Skipped only where python3 is missing: Node cannot parse Python, and pip packages are out of
  // reach here, so the check is a syntax parse with the interpreter itself (CI machines have it).
  it.skipIf(!python3)('Python: parses (skipped where no python3 is installed)', () => {
    const parsed = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: oauthPythonSample(input) });
    expect(parsed.stderr.toString()).toBe('');
    expect(parsed.status).toBe(0);
  });
});

describe('pythonLiteral', () => {
  it('writes JSON as Python literals', () => {
    const tricky = 'It\'s "#{x}" $HOME \\ é\n';
    expect(pythonLiteral({ a: true, b: false, c: null, d: [1, 'x'], e: {}, f: [] })).toBe('{\n    "a": True,\n    "b": False,\n    "c": None,\n    "d": [\n        1,\n        "x",\n    ],\n    "e": {},\n    "f": [],\n}');
    expect(pythonLiteral(tricky)).toBe(JSON.stringify(tricky));
  });
});
