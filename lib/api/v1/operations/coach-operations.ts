import { CoachMessageCreate, CoachStreamEvent } from '../schemas/coach.ts';
import { InsightList } from '../schemas/insight.ts';
import { BODY_PROBLEMS, type ApiOperation } from './operation.ts';

// Insights and the AI coach (scope ai:coach).
export const coachOperations = {
  listInsights: {
    operationId: 'listInsights',
    method: 'get',
    path: '/api/v1/insights',
    scope: 'ai:coach',
    tag: 'Coach',
    summary: 'List insights',
    description:
      'What the insights rules found in your own data and your teams’: a streak at risk today, your best and worst weekdays per habit, goals behind their pace, milestones due soon, a team’s week over week, each with the numbers behind it. Active and not dismissed ones only; another member’s are never listed.',
    response: { status: 200, description: 'The insights.', schema: InsightList },
    problems: [],
  },
  createCoachMessage: {
    operationId: 'createCoachMessage',
    method: 'post',
    path: '/api/v1/coach/messages',
    scope: 'ai:coach',
    tag: 'Coach',
    summary: 'Ask the coach',
    description:
      'A question to the AI coach, answered as a stream of Server-Sent Events (like OpenAI’s streaming): the coach is grounded on your own goals, habits, streaks and insights only, and may propose a goal or a habit, which you accept in the app. Leave out conversationId to start a conversation; the first event names it. Needs a plan with AI coaching, an installation with a provider, and a workspace whose owners turned the coach on (404 coach_not_configured, 403 plan_upgrade_required, 409 coach_disabled). Questions are rate-limited per member (429 rate_limited) and answers count toward the workspace’s monthly coach tokens (429 coach_budget_exhausted); a provider that fails before answering is 502 coach_provider_error. Conversations are kept per member, in their data export, and deleted with them.',
    body: CoachMessageCreate,
    example: { message: 'How can I keep my running streak going this week?' },
    response: { status: 200, description: 'The answer as it is written (text/event-stream), ending with `data: [DONE]`.', schema: CoachStreamEvent, stream: true },
    problems: [...BODY_PROBLEMS, 404, 409, 502],
  },
} as const satisfies Record<string, ApiOperation>;
