import type OAuth2Server from '@node-oauth/oauth2-server';
import AuthorizationCodeGrantType from '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js';
import RefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js';
import { InvalidGrantError, InvalidRequestError } from './oauth-errors.ts';

// The library's authorization code and refresh token grants, with two corrections to what they
// answer (registered in oauth-server.ts in place of the library's own).

/** RFC 6749 §5.2: a redirect_uri that differs from the authorization request's is invalid_grant. */
export class AuthorizationCodeGrant extends AuthorizationCodeGrantType {
  validateRedirectUri(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void {
    if (!code.redirectUri) return;
    const given = (request.body as Record<string, string | undefined>).redirect_uri;
    if (!given) throw new InvalidRequestError('Missing parameter: `redirect_uri` (the authorization request named one)');
    if (given !== code.redirectUri) throw new InvalidGrantError('Invalid grant: `redirect_uri` differs from the one in the authorization request');
  }
}

/** What the refresh grant needs of the model beyond the library's contract (oauth-model.ts). */
export interface RotatingModel {
  rotateRefreshToken(token: OAuth2Server.RefreshToken, next: OAuth2Server.Token): Promise<OAuth2Server.Token>;
}

/**
 * The library marks the refresh token used before it checks the requested scope, so a request
 * refused with invalid_scope spent the token and the client's corrected retry looked like reuse
 * (revoking the user's authorization). Here the scope is checked first, and rotation (mark the
 * old token, save the new pair, or hand a retry within the grace the same pair) is one step of
 * the model, serialised per token.
 */
export class RefreshTokenGrant extends RefreshTokenGrantType {
  async handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token> {
    const token = await this.getRefreshToken(request, client);
    const scope = this.getScope(request, token);
    const next: OAuth2Server.Token = {
      accessToken: await this.generateAccessToken(client, token.user, scope ?? []),
      accessTokenExpiresAt: this.getAccessTokenExpiresAt(),
      refreshToken: await this.generateRefreshToken(client, token.user, scope ?? []),
      refreshTokenExpiresAt: this.getRefreshTokenExpiresAt(),
      scope,
      client,
      user: token.user,
    };
    return (this.model as unknown as RotatingModel).rotateRefreshToken(token, next);
  }
}
