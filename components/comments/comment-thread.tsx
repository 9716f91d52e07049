'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useLive } from '@/components/live/live-context';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import type { Terminology } from '@/lib/branding/terminology';
import type { CommentView, Mention } from '@/lib/comments/comment-schema';
import { useFormat } from '@/lib/format/format-context';
import { commentKeys, deleteComment, fetchComments, fetchMentionable, patchComment, postComment } from './comment-requests';
import { CommentForm } from './comment-form';

// The goal page's discussion: every comment on the goal and its milestones, oldest first,
// filterable by milestone; a form for those who may write; live, so someone else's comment,
// edit or deletion shows up without a reload.

const COMMENT_EVENTS = new Set(['goal.commented', 'goal.comment_updated', 'goal.comment_deleted']);
const markdownClass =
  'break-words text-sm text-slate-800 [&_a]:text-brand-text [&_a]:underline [&_blockquote]:border-s-4 [&_blockquote]:border-slate-200 [&_blockquote]:ps-3 [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_li]:ms-5 [&_ol]:list-decimal [&_p]:my-1 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-2 [&_table]:block [&_table]:overflow-x-auto [&_ul]:list-disc [&_.mention]:rounded [&_.mention]:bg-brand/10 [&_.mention]:px-1 [&_.mention]:font-semibold [&_.mention]:text-brand-text';

interface Props {
  goalId: string;
  milestones: { id: string; title: string }[];
  /** No longer read: the catalog speaks the workspace's words. Kept so callers need not change. */
  terminology?: Terminology;
}

export function CommentThread({ goalId, milestones }: Props) {
  const t = useTranslations('comments');
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState('');
  const thread = useQuery({ queryKey: commentKeys.goal(goalId), queryFn: () => fetchComments(goalId) });
  const mentionable = useQuery({ queryKey: commentKeys.mentionable(goalId), queryFn: () => fetchMentionable(goalId), staleTime: 60_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: commentKeys.goal(goalId) });

  useLive((message) => {
    if (message.kind === 'reset') void refresh();
    else if (message.kind === 'event' && COMMENT_EVENTS.has(message.type) && message.subject.goalId === goalId) void refresh();
    else if (message.kind === 'event' && message.type.startsWith('team.member_')) void queryClient.invalidateQueries({ queryKey: commentKeys.mentionable(goalId) });
  });

  const create = useMutation({ mutationFn: (input: { body: string; milestoneId: string | null }) => postComment(goalId, input), onSuccess: refresh });
  const comments = (thread.data?.comments ?? []).filter((c) => !filter || (filter === 'goal' ? c.milestoneId === null : c.milestoneId === filter));
  const members = mentionable.data ?? [];

  return (
    <section aria-labelledby="comments-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="comments-heading" className="text-lg font-semibold text-slate-900">
          {t('title')}
          {thread.data ? <span className="ms-2 text-sm font-normal text-slate-600">{t('count', { count: thread.data.comments.filter((c) => !c.deletedAt).length })}</span> : null}
        </h2>
        {milestones.length ? (
          <SelectField
            label={t('show')}
            className="min-w-0 sm:w-64"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            options={[{ value: '', label: t('all') }, { value: 'goal', label: t('aboutWholeGoal') }, ...milestones.map((m) => ({ value: m.id, label: t('milestone', { title: m.title }) }))]}
          />
        ) : null}
      </div>
      {thread.isError ? <FormAlert message={t('loadFailed')} /> : null}
      {thread.isPending ? (
        <p className="mt-4 text-sm text-slate-600">{t('loading')}</p>
      ) : comments.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">{filter ? t('noneHere') : t('none')}</p>
      ) : (
        <ol className="mt-4 flex flex-col divide-y divide-slate-100" aria-label={t('listLabel')}>
          {comments.map((comment) => (
            <li key={comment.id} className="py-3">
              <CommentItem comment={comment} goalId={goalId} members={members} onChanged={refresh} />
            </li>
          ))}
        </ol>
      )}
      {thread.data?.canComment ? (
        <div className="mt-4 border-t border-slate-100 pt-4">
          <CommentForm label={t('add')} submitLabel={t('submit')} members={members} milestones={milestones} pending={create.isPending} error={create.error} onSubmit={(input) => create.mutateAsync(input)} />
        </div>
      ) : null}
    </section>
  );
}

function CommentItem({ comment, goalId, members, onChanged }: { comment: CommentView; goalId: string; members: readonly Mention[]; onChanged: () => unknown }) {
  const t = useTranslations('comments');
  const fmt = useFormat();
  const [editing, setEditing] = useState(false);
  const edit = useMutation({ mutationFn: (body: string) => patchComment(goalId, comment.id, body), onSuccess: onChanged });
  const remove = useMutation({ mutationFn: () => deleteComment(goalId, comment.id), onSuccess: onChanged });

  return (
    <article data-testid="comment" data-comment-id={comment.id} aria-label={t('by', { name: comment.authorName })} className="flex flex-col gap-1">
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span className="font-semibold text-slate-900">{comment.authorName}</span>
        <time dateTime={comment.createdAt} title={fmt.dateTime(comment.createdAt)} className="text-slate-600">
          {fmt.relative(comment.createdAt)}
        </time>
        {comment.editedAt && !comment.deletedAt ? <span className="text-xs text-slate-600">{t('edited')}</span> : null}
        {comment.milestoneTitle ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t('milestone', { title: comment.milestoneTitle })}</span> : null}
      </header>
      {comment.deletedAt ? (
        <p className="text-sm italic text-slate-600">{t('deleted')}</p>
      ) : editing ? (
        <CommentForm
          label={t('editLabel')}
          submitLabel={t('save')}
          members={members}
          initialBody={comment.body}
          initialMentions={comment.mentions}
          pending={edit.isPending}
          error={edit.error}
          autoFocus
          onSubmit={({ body }) => edit.mutateAsync(body).then(() => setEditing(false))}
          onCancel={() => {
            edit.reset();
            setEditing(false);
          }}
        />
      ) : (
        <div className={markdownClass} dangerouslySetInnerHTML={{ __html: comment.html }} />
      )}
      <FormAlert message={remove.error?.message} />
      {!editing && (comment.canEdit || comment.canDelete) ? (
        <div className="flex gap-1">
          {comment.canEdit ? (
            <Button type="button" variant="ghost" size="sm" onClick={() => setEditing(true)}>
              {t('edit')}
            </Button>
          ) : null}
          {comment.canDelete ? (
            <ConfirmDialog
              trigger={
                <Button type="button" variant="danger-ghost" size="sm">
                  {t('delete')}
                </Button>
              }
              title={t('deleteTitle')}
              description={t('deleteBody')}
              confirmLabel={t('deleteConfirm')}
              pending={remove.isPending}
              onConfirm={() => remove.mutateAsync().catch(() => undefined)}
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
