'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { SelectField } from '@/components/ui/select-field';
import { MAX_COMMENT_LENGTH, type Mention } from '@/lib/comments/comment-schema';
import { ApiError } from '@/lib/http/api-client';
import { withMentionTokens } from './comment-requests';
import { MentionTextarea } from './mention-textarea';

interface Props {
  label: string;
  submitLabel: string;
  members: readonly Mention[];
  /** Milestones the comment may be about (new comments only). */
  milestones?: { id: string; title: string }[];
  initialBody?: string;
  initialMentions?: readonly Mention[];
  pending: boolean;
  error: unknown;
  autoFocus?: boolean;
  onSubmit: (input: { body: string; milestoneId: string | null }) => Promise<unknown>;
  onCancel?: () => void;
  /** No longer read: the catalog speaks the workspace's words. Kept so callers need not change. */
  goalWord?: string;
}

/** Writes or rewrites a comment: the text (with mention autocomplete) and, for a new one, what it is about. */
export function CommentForm({ label, submitLabel, members, milestones, initialBody = '', initialMentions = [], pending, error, autoFocus, onSubmit, onCancel }: Props) {
  const t = useTranslations('comments');
  const [body, setBody] = useState(initialBody);
  const [milestoneId, setMilestoneId] = useState('');
  const [picks, setPicks] = useState<Mention[]>([...initialMentions]);
  const [empty, setEmpty] = useState(false);
  const apiError = error instanceof ApiError ? error : null;
  const fieldError = (empty ? t('writeFirst') : undefined) ?? apiError?.fields.body;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (body.trim() === '') {
      setEmpty(true);
      return;
    }
    await onSubmit({ body: withMentionTokens(body, picks), milestoneId: milestoneId || null })
      .then(() => {
        if (!onCancel) {
          setBody('');
          setPicks([]);
        }
      })
      .catch(() => undefined);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      {apiError && !apiError.fields.body ? <FormAlert message={apiError.message} /> : null}
      {error && !apiError ? <FormAlert message={error instanceof Error ? error.message : t('saveFailed')} /> : null}
      <MentionTextarea
        label={label}
        value={body}
        onChange={(next) => {
          setBody(next);
          setEmpty(false);
        }}
        members={members}
        onPick={(member) => setPicks((current) => [...current.filter((m) => m.userId !== member.userId), member])}
        maxLength={MAX_COMMENT_LENGTH}
        hint={t('hint')}
        error={fieldError}
        disabled={pending}
        autoFocus={autoFocus}
        rows={onCancel ? 3 : 4}
      />
      <div className="flex flex-wrap items-end gap-3">
        {milestones && milestones.length ? (
          <SelectField
            label={t('about')}
            className="min-w-0 flex-1 sm:max-w-xs"
            value={milestoneId}
            onChange={(event) => setMilestoneId(event.target.value)}
            options={[{ value: '', label: t('wholeGoal') }, ...milestones.map((m) => ({ value: m.id, label: t('milestone', { title: m.title }) }))]}
          />
        ) : null}
        <div className="flex gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? t('saving') : submitLabel}
          </Button>
          {onCancel ? (
            <Button type="button" variant="secondary" onClick={onCancel} disabled={pending}>
              {t('cancel')}
            </Button>
          ) : null}
        </div>
      </div>
    </form>
  );
}
