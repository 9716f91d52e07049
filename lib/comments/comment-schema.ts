import { z } from 'zod';

// Comments on a goal (or one of its milestones): the shapes the routes answer and the browser
// parses. Client-safe.

/** At most this many characters in a comment as written (what the author sees in the box). */
export const MAX_COMMENT_LENGTH = 5_000;

export const mentionSchema = z.object({ userId: z.string(), name: z.string() });
export type Mention = z.infer<typeof mentionSchema>;

export const commentViewSchema = z.object({
  id: z.string(),
  goalId: z.string(),
  milestoneId: z.string().nullable(),
  milestoneTitle: z.string().nullable(),
  authorId: z.string(),
  authorName: z.string(),
  /** The Markdown as written, mentions shown as "@Name" (what the edit box starts from); '' once deleted. */
  body: z.string(),
  /** The Markdown rendered safely on the server (raw HTML escaped, no images, http(s)/mailto links only); '' once deleted. */
  html: z.string(),
  /** The members mentioned, by id, named as they are now. */
  mentions: z.array(mentionSchema),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** Set once deleted: the thread keeps a placeholder. */
  deletedAt: z.string().nullable(),
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type CommentView = z.infer<typeof commentViewSchema>;

export const commentListSchema = z.object({
  comments: z.array(commentViewSchema),
  /** Whether the viewer may write comments on this goal (not a viewer, not archived). */
  canComment: z.boolean(),
});
export type CommentList = z.infer<typeof commentListSchema>;

export const mentionableListSchema = z.object({ members: z.array(mentionSchema) });

/** A comment's text: the limits are checked by the service (400 with a field message). */
export const commentBodyInputSchema = z.object({
  body: z.string({ message: 'Write a comment.' }),
});
export const createCommentInputSchema = commentBodyInputSchema.extend({
  milestoneId: z.string().max(100).nullable().optional(),
});
