import { decryptSecret } from '../../crypto/encrypt-secret.ts';
import { deliverWebhook } from '../../webhooks/deliver-webhook.ts';
import { allowLocalhost } from '../../webhooks/endpoints.ts';
import { assertPublicUrl, UnsafeUrlError } from '../../webhooks/ssrf-guard.ts';
import type { NotificationSender } from '../notifications/notification-message.ts';
import { kindForStatus, ProviderError } from '../provider-error.ts';
import { adaptiveCard } from './adaptive-card.ts';

// Teams' NotificationSender: the Adaptive Card POSTed to the route's channel webhook through
// the webhooks' delivery code (vetted addresses pinned for the connection, timeouts, capped
// response read). Every failure becomes a ProviderError: 429 with its Retry-After and 5xx or no
// answer are worth retrying; a refused URL or a 4xx is not.

export const teamsSender: NotificationSender = {
  async send({ route, message }) {
    if (!route.webhookUrlEncrypted) throw new ProviderError('invalid', 'This route has no Teams webhook URL.');
    const url = decryptSecret(route.webhookUrlEncrypted);
    const local = allowLocalhost();
    try {
      await assertPublicUrl(url, { allowLocalhost: local, requireHttps: !local });
    } catch (error) {
      if (error instanceof UnsafeUrlError) throw new ProviderError(error.reason === 'unresolvable' ? 'unavailable' : 'invalid', `The channel's webhook URL is refused: ${error.message}`, { cause: error });
      throw error;
    }
    const attempt = await deliverWebhook({ url, headers: {}, body: JSON.stringify(adaptiveCard(message)), allowLocalhost: local, requireHttps: !local });
    if (attempt.ok) return { externalId: null };
    if (attempt.status === null) throw new ProviderError('unavailable', `Teams did not answer: ${attempt.error ?? 'no response'}`);
    const detail = attempt.responseBody.trim().slice(0, 200);
    throw new ProviderError(kindForStatus(attempt.status), `Teams answered ${attempt.status}${detail ? `: ${detail}` : ''}`, { status: attempt.status, retryAfterSeconds: attempt.retryAfterSeconds });
  },
};
