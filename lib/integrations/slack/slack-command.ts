import { db } from '../../db/client.ts';
import { tenantDb } from '../../db/tenant-db.ts';
import { activeGoalsFor } from '../../goals/goal-dashboard.ts';
import { logHabit } from '../../habits/habit-logs.ts';
import { localDateIn } from '../../habits/local-date.ts';
import { toAppError } from '../../http/problem.ts';
import { getTenantById } from '../../tenancy/tenant-cache.ts';
import type { TenantContext } from '../../tenancy/tenant-context.ts';
import { logIntegration } from '../log.ts';
import { linkTo, words } from '../notifications/notification-context.ts';
import { ProviderError } from '../provider-error.ts';
import { escapeMrkdwn } from './slack-blocks.ts';
import { memberForSlackUser, type LinkedMember } from './slack-user-link.ts';

// /waypoint, after slack-signature.ts verified the request: the Slack team → the workspace
// connected to it, the Slack user → the member linked by email, then
//   /waypoint log <habit>   logs the member's habit done today (their time zone)
//   /waypoint goals         lists their active goals
// Every answer is ephemeral (only the caller sees it) and says what to do when it fails.

export interface SlashReply {
  response_type: 'ephemeral';
  text: string;
}

const reply = (text: string): SlashReply => ({ response_type: 'ephemeral', text });

function usage(tenant: TenantContext | null): string {
  const w = tenant ? words(tenant) : (key: 'habit' | 'goals') => key;
  return [`Try:`, `• \`/waypoint log <${w('habit')} name>\`: log a ${w('habit')} done today`, `• \`/waypoint goals\`: your active ${w('goals')}`].join('\n');
}

/** The workspace(s) connected to the Slack team, and the member the Slack user is in one of them. */
async function resolveCaller(teamId: string, slackUserId: string): Promise<{ tenant: TenantContext; member: LinkedMember; installationId: string; connectionId: string } | 'no_workspace' | 'no_member'> {
  // One Slack team may be connected to several Waypoint workspaces; the caller is whoever
  // their Slack address is a member of, in the workspace that connected it first.
  const connections = await db.integrationConnection.findMany({
    where: { provider: 'slack', userId: null, externalAccountId: teamId, installation: { uninstalledAt: null } },
    orderBy: { createdAt: 'asc' },
  });
  if (connections.length === 0) return 'no_workspace';
  for (const connection of connections) {
    const member = await memberForSlackUser(connection, slackUserId);
    const tenant = member && (await getTenantById(connection.tenantId));
    if (member && tenant) return { tenant, member, installationId: connection.installationId, connectionId: connection.id };
  }
  return 'no_member';
}

async function logHabitCommand(tenant: TenantContext, member: LinkedMember, query: string, now: Date): Promise<string> {
  const w = words(tenant);
  if (!query) return `Which ${w('habit')}? \`/waypoint log <${w('habit')} name>\``;
  const habits = await tenantDb(tenant.id).habit.findMany({ where: { userId: member.userId, archivedAt: null }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
  const wanted = query.toLowerCase();
  const exact = habits.filter((habit) => habit.name.toLowerCase() === wanted);
  const matches = exact.length ? exact : habits.filter((habit) => habit.name.toLowerCase().includes(wanted));
  if (matches.length === 0) {
    const names = habits.map((habit) => habit.name);
    return `You have no ${w('habit')} called “${escapeMrkdwn(query)}”.${names.length ? ` Yours: ${names.map(escapeMrkdwn).join(', ')}.` : ` Create one in ${escapeMrkdwn(tenant.name)} first.`}`;
  }
  if (matches.length > 1) return `“${escapeMrkdwn(query)}” matches ${matches.length} of your ${w('habits')}: ${matches.map((habit) => escapeMrkdwn(habit.name)).join(', ')}. Type the whole name.`;
  const habit = matches[0];
  try {
    // "Today" is the member's, but habit days are the workspace's calendar (streaks count in
    // it), so a member ahead of the workspace's zone logs the workspace's today instead of a
    // day it has not reached yet.
    const memberToday = localDateIn(member.timeZone, now);
    const workspaceToday = localDateIn(tenant.timeZone, now);
    const result = await logHabit(tenant, member, habit.id, { date: memberToday < workspaceToday ? memberToday : workspaceToday, note: null }, now);
    const { current, unit } = result.habit.streak;
    return `Logged *${escapeMrkdwn(habit.name)}* for today.${current > 1 ? ` Current streak: ${current} ${unit}.` : ''}`;
  } catch (error) {
    const problem = toAppError(error);
    if (problem.status >= 500) throw error;
    return problem.message;
  }
}

async function goalsCommand(tenant: TenantContext, member: LinkedMember): Promise<string> {
  const w = words(tenant);
  const goals = await activeGoalsFor(tenant, member, 10);
  if (goals.length === 0) return `You have no active ${w('goals')}. <${linkTo(tenant, '/goals')}|Set one in ${escapeMrkdwn(tenant.name)}>.`;
  const lines = goals.map((goal) => `• <${linkTo(tenant, `/goals/${goal.id}`)}|${escapeMrkdwn(goal.title)}>: ${goal.progress}%${goal.targetDate ? `, due ${goal.targetDate}` : ''}${goal.teamName ? ` (${escapeMrkdwn(goal.teamName)})` : ''}`);
  return [`Your active ${w('goals')}:`, ...lines].join('\n');
}

/** Answers one verified slash command (its form fields). */
export async function handleSlashCommand(fields: URLSearchParams, now: Date = new Date()): Promise<SlashReply> {
  const teamId = fields.get('team_id') ?? '';
  const slackUserId = fields.get('user_id') ?? '';
  const text = (fields.get('text') ?? '').trim().replace(/\s+/g, ' ');
  if (!teamId || !slackUserId) return reply('This request is missing the Slack team or user.');
  let caller;
  try {
    caller = await resolveCaller(teamId, slackUserId);
  } catch (error) {
    if (error instanceof ProviderError) return reply('Slack did not answer while we looked up your account: try again in a minute.');
    throw error;
  }
  if (caller === 'no_workspace') return reply('This Slack workspace is not connected to Waypoint: an admin connects Slack on the integration’s page.');
  if (caller === 'no_member') return reply('We could not match you to a member: the email address of your Slack profile must be the one you sign in with (and be verified).');
  const { tenant, member } = caller;
  const [verb, ...rest] = text.split(' ');
  const argument = rest.join(' ');
  let answer: string;
  switch (verb.toLowerCase()) {
    case 'log':
      answer = await logHabitCommand(tenant, member, argument, now);
      break;
    case 'goals':
      answer = await goalsCommand(tenant, member);
      break;
    default:
      return reply(`${verb ? `I don’t know “${escapeMrkdwn(verb)}”. ` : ''}${usage(tenant)}`);
  }
  await logIntegration({ tenantId: tenant.id, installationId: caller.installationId, connectionId: caller.connectionId, level: 'info', kind: 'command', message: `/waypoint ${verb.toLowerCase()} by ${member.name ?? member.email}`, detail: { slackUserId } });
  return reply(answer);
}
