// Waypoint's server for the e2e run with the integrations' (and the coach's) credentials pointing at the fakes that
// serve.ts started (Playwright starts that first): each fake makes up its own client id and
// secret, so they are read from it here rather than fixed in tests/run.ts.
import { fakesInfo } from './serve.ts';

const info = await fakesInfo();
if (info.google) {
  process.env.GOOGLE_CLIENT_ID = info.google.clientId;
  process.env.GOOGLE_CLIENT_SECRET = info.google.clientSecret;
  process.env.GOOGLE_API_BASE = info.google.url;
}
if (info.slack) {
  process.env.SLACK_CLIENT_ID = info.slack.clientId;
  process.env.SLACK_CLIENT_SECRET = info.slack.clientSecret;
  process.env.SLACK_SIGNING_SECRET = info.slack.signingSecret ?? 'e2e-slack-signing-secret';
  process.env.SLACK_API_BASE = info.slack.url;
}
if (info.coach) {
  process.env.COACH_API_BASE = info.coach.url;
  process.env.COACH_API_KEY = info.coach.clientSecret;
  process.env.COACH_MODEL = info.coach.model ?? '';
}
await import('../../../lib/cli/serve.ts');
