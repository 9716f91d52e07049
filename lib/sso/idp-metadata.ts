import { saml20 } from './saml20.ts';

// What Waypoint keeps of an IdP's metadata, read with @boxyhq/saml20's metadata parser.

export interface IdpMetadata {
  entityId: string;
  /** Where AuthnRequests go; the HTTP-Redirect binding when the IdP offers it. */
  ssoUrl: string;
  ssoBinding: 'redirect' | 'post';
  /** Signing certificates, PEM. */
  certificates: string[];
}

function toPem(base64: string): string {
  const body = base64.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----`;
}

/** The parser's result, which is also what Jackson kept as a connection's `idpMetadata`. */
export type ParsedIdpMetadata = Awaited<ReturnType<typeof saml20.parseMetadata>>;

export async function readIdpMetadata(xml: string): Promise<IdpMetadata> {
  return idpMetadataFrom(await saml20.parseMetadata(xml, {}));
}

export function idpMetadataFrom(parsed: ParsedIdpMetadata): IdpMetadata {
  if (parsed.loginType !== 'idp') throw new Error('This is SP metadata: paste the identity provider’s metadata (an IDPSSODescriptor).');
  const entityId = parsed.entityID?.trim();
  if (!entityId) throw new Error('The metadata names no entityID.');
  const ssoUrl = parsed.sso?.redirectUrl ?? parsed.sso?.postUrl;
  if (!ssoUrl) throw new Error('The metadata has no SingleSignOnService URL.');
  if (!parsed.publicKey) throw new Error('The metadata has no signing certificate.');
  return { entityId, ssoUrl, ssoBinding: parsed.sso?.redirectUrl ? 'redirect' : 'post', certificates: parsed.publicKey.split(',').map(toPem) };
}
