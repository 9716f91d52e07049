import { decryptSecret } from '../../crypto/encrypt-secret.ts';
import { validationFailed } from '../../http/problem.ts';
import { allowLocalhost } from '../../webhooks/endpoints.ts';
import { assertPublicUrl, UnsafeUrlError } from '../../webhooks/ssrf-guard.ts';

// A channel's webhook URL is an admin's input that we POST to: it goes through the same SSRF
// guard as outgoing webhooks (public addresses only, https, no credentials), when saved and
// again before every send (its DNS may have changed since). The URL carries its own signature
// (sig=…), so it is a secret: stored encrypted, shown only as a hint.

export const WEBHOOK_URL_MAX = 2048;

export async function vetTeamsWebhookUrl(url: string): Promise<URL> {
  try {
    return (await assertPublicUrl(url, { allowLocalhost: allowLocalhost(), requireHttps: !allowLocalhost() })).url;
  } catch (error) {
    if (error instanceof UnsafeUrlError) throw validationFailed({ webhookUrl: error.message });
    throw error;
  }
}

/** "prod-12.westeurope.logic.azure.com …a1b2": enough to tell channels apart, not enough to post. */
export function webhookHint(encrypted: string | null): string {
  if (!encrypted) return '';
  const url = new URL(decryptSecret(encrypted));
  return `${url.host} …${(url.pathname + url.search).slice(-4)}`;
}
