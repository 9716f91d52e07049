import { env } from '@/lib/config/env';
import { AppError } from '@/lib/http/problem';
import { readBytes } from '@/lib/http/read-bytes';
import { platformRoute } from '@/lib/http/route';
import { handleSlashCommand } from '@/lib/integrations/slack/slack-command';
import { verifySlackRequest } from '@/lib/integrations/slack/slack-signature';

export const dynamic = 'force-dynamic';

/** Slash command payloads are a few hundred bytes. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * Slack's /waypoint command, on the platform's root domain (one Request URL for every
 * workspace). The signature covers the raw bytes, so they are verified before anything is
 * parsed: 401 for a missing or bad signature or a timestamp outside five minutes; otherwise
 * 200 with an ephemeral reply, which is how Slack shows the caller any outcome.
 */
export const POST = platformRoute({ host: 'root', auth: 'signature', rawBody: true }, async ({ req }) => {
  const secret = env().SLACK_SIGNING_SECRET;
  if (!secret) throw new AppError(409, 'integration_not_configured', 'Slack is not configured on this installation.');
  const body = (await readBytes(req, MAX_BODY_BYTES)).toString('utf8');
  verifySlackRequest({ body, timestamp: req.headers.get('x-slack-request-timestamp'), signature: req.headers.get('x-slack-signature'), secret });
  const answer = await handleSlashCommand(new URLSearchParams(body));
  return Response.json(answer, { headers: { 'cache-control': 'no-store' } });
});
