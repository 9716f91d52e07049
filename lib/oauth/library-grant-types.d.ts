// Types for the two grant types of @node-oauth/oauth2-server (pinned) that grant-types.ts
// extends; the library exports only AbstractGrantType by name.
declare module '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js' {
  import OAuth2Server from '@node-oauth/oauth2-server';

  export default class AuthorizationCodeGrantType extends OAuth2Server.AbstractGrantType {
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    validateRedirectUri(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void;
  }
}

declare module '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js' {
  import OAuth2Server from '@node-oauth/oauth2-server';

  export default class RefreshTokenGrantType extends OAuth2Server.AbstractGrantType {
    model: OAuth2Server.RefreshTokenModel;
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getRefreshToken(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.RefreshToken>;
    getScope(request: OAuth2Server.Request, token?: OAuth2Server.RefreshToken): string[] | undefined;
  }
}
