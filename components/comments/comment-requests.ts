import { commentListSchema, commentViewSchema, mentionableListSchema, type CommentView, type Mention } from '@/lib/comments/comment-schema';
import { api } from '@/lib/http/api-client';

// The browser's calls to the comment routes, parsed with the schemas the server answers with.

export const commentKeys = {
  all: ['comments'] as const,
  goal: (goalId: string) => ['comments', 'goal', goalId] as const,
  mentionable: (goalId: string) => ['comments', 'mentionable', goalId] as const,
};

const path = (goalId: string, ...rest: string[]) => ['/api/app/goals', goalId, 'comments', ...rest].map((part, i) => (i === 0 ? part : encodeURIComponent(part))).join('/');

export const fetchComments = async (goalId: string) => commentListSchema.parse(await api(path(goalId)));
export const fetchMentionable = async (goalId: string): Promise<Mention[]> => mentionableListSchema.parse(await api(path(goalId, 'mentionable'))).members;
export const postComment = async (goalId: string, input: { body: string; milestoneId: string | null }): Promise<CommentView> =>
  commentViewSchema.parse(await api(path(goalId), { method: 'POST', json: input }));
export const patchComment = async (goalId: string, commentId: string, body: string): Promise<CommentView> =>
  commentViewSchema.parse(await api(path(goalId, commentId), { method: 'PATCH', json: { body } }));
export const deleteComment = async (goalId: string, commentId: string): Promise<CommentView> => commentViewSchema.parse(await api(path(goalId, commentId), { method: 'DELETE' }));

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The text as sent: each "@Name" the author picked from the autocomplete becomes that
 * member's token (<@id>), so two people with one name stay apart. The server resolves any
 * other "@Name" itself, and only to people who can see the goal.
 */
export function withMentionTokens(text: string, picks: readonly Mention[]): string {
  let out = text;
  for (const pick of [...picks].sort((x, y) => y.name.length - x.name.length)) {
    out = out.replace(new RegExp(`(^|[^\\p{L}\\p{N}_])@${escapeRegExp(pick.name)}(?![\\p{L}\\p{N}_])`, 'gu'), (_whole, before: string) => `${before}<@${pick.userId}>`);
  }
  return out;
}
