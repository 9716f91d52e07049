import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { term, type Terminology } from '../branding/terminology.ts';
import type { CoachContext } from './context.ts';
import type { CoachProposal } from './proposals.ts';

// The system prompt: who the coach is, the rules it keeps, and the member's own data
// (context.ts) as JSON. Earlier turns follow; a past proposal is told as text (with what the
// member did with it), since the provider would otherwise expect a tool result for it.

/** Past turns sent with each question: enough for a conversation, bounded for the budget. */
export const HISTORY_TURNS = 20;

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'German', fr: 'French', es: 'Spanish', 'pt-BR': 'Brazilian Portuguese', ja: 'Japanese', ar: 'Arabic' };

export function systemPrompt(context: CoachContext, options: { workspace: string; terminology: Terminology; language: string }): string {
  const goals = term(options.terminology, 'goals');
  const habits = term(options.terminology, 'habits');
  return [
    `You are the coach in ${options.workspace}'s Waypoint workspace: a warm, practical coach who helps one member make progress on their ${goals} and ${habits}.`,
    `This workspace calls goals "${goals}" and habits "${habits}": use those words.`,
    `Answer in ${LANGUAGE_NAMES[options.language] ?? 'English'} unless the member writes in another language. Keep answers short (a few sentences or a short list).`,
    'Ground every statement about the member on the data below; if something is not in it, say you do not know rather than guess. Never claim to have changed anything.',
    `When a new ${term(options.terminology, 'goal')} or ${term(options.terminology, 'habit')} would clearly help, propose it by calling propose_goal or propose_habit (at most one per answer) beside a short answer; the member accepts it with one click. Do not propose something they already have.`,
    'You are not a doctor or therapist: for health or safety concerns, suggest a professional.',
    `The member's data (today is ${context.today}):`,
    JSON.stringify({ goals: context.goals, habits: context.habits, insights: context.insights }),
  ].join('\n');
}

export interface PastMessage {
  role: string;
  content: string;
  proposal: CoachProposal | null;
  proposalStatus: string | null;
}

function describeProposal(proposal: CoachProposal, status: string | null): string {
  const what = proposal.type === 'goal' ? `a goal "${proposal.title}"` : `a habit "${proposal.name}" (${proposal.schedule})`;
  return `[You proposed ${what}; the member ${status === 'accepted' ? 'accepted it' : status === 'dismissed' ? 'dismissed it' : 'has not decided yet'}.]`;
}

export function historyMessages(past: PastMessage[]): ChatCompletionMessageParam[] {
  return past.slice(-HISTORY_TURNS).map((message) =>
    message.role === 'assistant'
      ? { role: 'assistant', content: [message.content, message.proposal ? describeProposal(message.proposal, message.proposalStatus) : ''].filter(Boolean).join('\n') }
      : { role: 'user', content: message.content },
  );
}
