import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../http/problem.ts';

// Slack signs every request it sends us (slash commands): X-Slack-Signature = "v0=" + hex
// HMAC-SHA256 of "v0:<X-Slack-Request-Timestamp>:<raw body>" with the app's signing secret.
// The timestamp must be within five minutes of now, so a captured request cannot be replayed
// later (https://docs.slack.dev/authentication/verifying-requests-from-slack).

export const REPLAY_WINDOW_SECONDS = 5 * 60;

export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function refused(message: string): AppError {
  return new AppError(401, 'unauthorized', message);
}

/** Throws 401 unless the request is Slack's, signed with `secret`, and fresh. */
export function verifySlackRequest(input: { body: string; timestamp: string | null; signature: string | null; secret: string; now?: Date }): void {
  const { body, timestamp, signature, secret } = input;
  if (!timestamp || !signature) throw refused('The request is not signed by Slack.');
  if (!/^\d{1,12}$/.test(timestamp)) throw refused('The request timestamp is not a Unix time.');
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(timestamp)) > REPLAY_WINDOW_SECONDS) throw refused('The request is older than five minutes (or from the future): refused as a possible replay.');
  const expected = Buffer.from(slackSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  // timingSafeEqual needs equal lengths; the length of a well-formed signature is no secret.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused('The request signature does not match.');
}
