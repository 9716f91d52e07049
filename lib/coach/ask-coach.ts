import type { Member } from '../auth/session.ts';
import { tenantDb } from '../db/tenant-db.ts';
import { languageOf } from '../i18n/languages.ts';
import { parseInput } from '../http/problem.ts';
import { logger } from '../observability/logger.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { askCoachSchema } from './ask-schema.ts';
import { requireCoach } from './availability.ts';
import { buildCoachContext } from './context.ts';
import { findOwnConversation, newConversationId, titleFrom, toMessageView, type CoachConversationSummary, type CoachMessageView } from './conversations.ts';
import { countCoachTokens, limitCoachQuestions, requireCoachBudget } from './limits.ts';
import { historyMessages, HISTORY_TURNS, systemPrompt } from './prompt.ts';
import { COACH_TOOLS, parseProposal, type CoachProposal } from './proposals.ts';
import { CoachProviderError, streamAnswer } from './provider.ts';

// One question to the coach and its streamed answer. Everything that can refuse (no coach,
// the rate limit, the budget, the provider) refuses before anything is stored or streamed, so
// the caller answers with a plain problem+json. Then the question is stored, the answer
// streams as text deltas, and at its end the whole answer, its proposal (if the model made a
// valid one) and its token usage are stored and counted toward the workspace's budget. Neither
// the question nor the answer is ever passed to a logger.

export type CoachStreamEvent =
  | { type: 'conversation'; conversation: CoachConversationSummary }
  | { type: 'delta'; text: string }
  | { type: 'done'; conversationId: string; message: CoachMessageView; usage: { promptTokens: number; completionTokens: number } }
  | { type: 'error'; code: 'coach_provider_error'; message: string };

export interface CoachExchange {
  conversation: CoachConversationSummary;
  events: AsyncGenerator<CoachStreamEvent>;
}

/** Providers that do not report usage are counted at about four characters a token. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export async function askCoach(tenant: TenantContext, member: Member, input: unknown, options: { now?: Date } = {}): Promise<CoachExchange> {
  const config = await requireCoach(tenant, member);
  const { conversationId, message } = parseInput(askCoachSchema, input);
  const now = options.now ?? new Date();
  const scoped = tenantDb(tenant.id);
  const existing = conversationId ? await findOwnConversation(scoped, member, conversationId) : null;
  await limitCoachQuestions(tenant.id, member.userId);
  await requireCoachBudget(tenant, now);

  const past = existing
    ? (await scoped.coachMessage.findMany({ where: { conversationId: existing.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: HISTORY_TURNS })).reverse().map(toMessageView)
    : [];
  const context = await buildCoachContext(tenant, member, now);
  const system = systemPrompt(context, { workspace: tenant.name, terminology: tenant.branding.terminology, language: languageOf(member.locale ?? tenant.locale) ?? 'en' });
  const messages = [{ role: 'system' as const, content: system }, ...historyMessages(past), { role: 'user' as const, content: message }];

  const abort = new AbortController();
  const stream = await streamAnswer(config, { messages, tools: COACH_TOOLS, signal: abort.signal });

  const conversation = await scoped
    .$transaction(async (tx) => {
      const row = existing
        ? await tx.coachConversation.update({ where: { id: existing.id }, data: { updatedAt: new Date() } })
        : await tx.coachConversation.create({ data: { id: newConversationId(), tenantId: tenant.id, userId: member.userId, title: titleFrom(message) } });
      await tx.coachMessage.create({ data: { tenantId: tenant.id, conversationId: row.id, role: 'user', content: message } });
      return row;
    })
    .catch((error: unknown) => {
      // Nothing will read the answer: stop the provider writing it.
      abort.abort();
      throw error;
    });
  const summary: CoachConversationSummary = { id: conversation.id, title: conversation.title, createdAt: conversation.createdAt.toISOString(), updatedAt: conversation.updatedAt.toISOString() };
  const promptChars = JSON.stringify(messages).length;

  async function* events(): AsyncGenerator<CoachStreamEvent> {
    let answer = '';
    let proposal: CoachProposal | null = null;
    let usage: { promptTokens: number; completionTokens: number } | null = null;
    let finished = false;
    /** Stores what was answered (all of it, or up to a failure or a member who left) and counts its tokens. */
    const store = async () => {
      const tokens = usage ?? { promptTokens: Math.ceil(promptChars / 4), completionTokens: estimateTokens(answer) };
      const row = await scoped.coachMessage.create({
        data: { tenantId: tenant.id, conversationId: conversation.id, role: 'assistant', content: answer, proposal: proposal ?? undefined, promptTokens: tokens.promptTokens, completionTokens: tokens.completionTokens },
      });
      await scoped.coachConversation.update({ where: { id: conversation.id }, data: { updatedAt: new Date() } });
      await countCoachTokens(tenant.id, tokens.promptTokens + tokens.completionTokens, new Date());
      return { row, tokens };
    };
    try {
      yield { type: 'conversation', conversation: summary };
      for await (const event of stream) {
        if (event.type === 'delta') {
          answer += event.text;
          yield { type: 'delta', text: event.text };
        } else if (event.type === 'tool_call') proposal ??= parseProposal(event.name, event.arguments);
        else usage = { promptTokens: event.promptTokens, completionTokens: event.completionTokens };
      }
      finished = true;
      const { row, tokens } = await store();
      yield { type: 'done', conversationId: conversation.id, message: toMessageView(row), usage: tokens };
    } catch (error) {
      if (!(error instanceof CoachProviderError)) throw error;
      finished = true;
      logger().warn({ tenantId: tenant.id, conversationId: conversation.id, ...error.detail }, 'coach: the provider failed mid-answer');
      await store();
      yield { type: 'error', code: 'coach_provider_error', message: 'The AI coach could not finish its answer. Try again in a moment.' };
    } finally {
      // The member left mid-answer: stop the provider, keep and count what was said.
      if (!finished) {
        abort.abort();
        // Only the error's kind: a database error's message can quote the answer it failed to write.
        await store().catch((error: unknown) => logger().error({ tenantId: tenant.id, kind: error instanceof Error ? error.name : typeof error }, 'coach: could not store an interrupted answer'));
      }
    }
  }

  return { conversation: summary, events: events() };
}
