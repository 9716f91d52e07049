'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { FormAlert } from '@/components/ui/form-alert';
import { COACH_MESSAGE_MAX } from '@/lib/coach/ask-schema';
import type { CoachConversationSummary, CoachConversationView, CoachMessageView } from '@/lib/coach/conversations';
import { api, ApiError } from '@/lib/http/api-client';
import { ProposalCard } from './proposal-card';
import { askCoachStreaming } from './read-coach-stream';

const CONVERSATIONS = ['coach', 'conversations'] as const;

/**
 * The coach page's chat: the member's conversations (start side, or above on a phone), the
 * open conversation, and the question box. Answers stream in as they are written; the log is
 * a polite live region, busy while an answer streams, so a screen reader reads it once whole.
 */
/** canAsk: the member's role may ask and accept; exhausted: the workspace's coach tokens are used up (the page says so). */
export function CoachChat({ initialConversations, canAsk, exhausted }: { initialConversations: CoachConversationSummary[]; canAsk: boolean; exhausted: boolean }) {
  const t = useTranslations('coach');
  const client = useQueryClient();
  const conversations = useQuery({
    queryKey: CONVERSATIONS,
    queryFn: async () => (await api<{ conversations: CoachConversationSummary[] }>('/api/app/coach/conversations')).conversations,
    initialData: initialConversations,
  });
  const [openId, setOpenId] = useState<string | null>(initialConversations[0]?.id ?? null);
  const [messages, setMessages] = useState<CoachMessageView[]>([]);
  const [streaming, setStreaming] = useState<string | null>(null);
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [interrupted, setInterrupted] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // A conversation opened by the member (not one the stream just created) is loaded from the server.
  const loadedId = useRef<string | null>(null);

  useEffect(() => {
    if (!openId || loadedId.current === openId) return;
    loadedId.current = openId;
    let current = true;
    api<CoachConversationView>(`/api/app/coach/conversations/${openId}`).then(
      (conversation) => current && setMessages(conversation.messages),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [openId]);

  useEffect(() => {
    endRef.current?.scrollIntoView?.({ block: 'end' });
  }, [messages, streaming]);

  const open = (id: string | null) => {
    setError(null);
    setInterrupted(false);
    setMessages([]);
    loadedId.current = null;
    setOpenId(id);
    if (!id) inputRef.current?.focus();
  };

  const ask = async () => {
    const message = question.trim();
    if (!message || streaming !== null) return;
    setError(null);
    setInterrupted(false);
    setStreaming('');
    const asked: CoachMessageView = { id: `pending-${Date.now()}`, role: 'user', content: message, proposal: null, proposalStatus: null, acceptedId: null, createdAt: new Date().toISOString() };
    setMessages((list) => [...list, asked]);
    setQuestion('');
    try {
      await askCoachStreaming(
        { conversationId: openId ?? undefined, message },
        {
          onConversation: (conversation) => {
            loadedId.current = conversation.id;
            setOpenId(conversation.id);
          },
          onDelta: (text) => setStreaming((sofar) => (sofar ?? '') + text),
          onMessage: (answer) => setMessages((list) => [...list, answer]),
          onError: () => setInterrupted(true),
        },
      );
    } catch (failure) {
      // Refused before anything was stored (limits, budget, provider): the question goes back in the box.
      setMessages((list) => list.filter((item) => item.id !== asked.id));
      setQuestion(message);
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setStreaming(null);
      void client.invalidateQueries({ queryKey: CONVERSATIONS });
    }
  };

  const remove = async () => {
    if (!openId) return;
    setDeleting(true);
    try {
      await api(`/api/app/coach/conversations/${openId}`, { method: 'DELETE' });
      client.setQueryData<CoachConversationSummary[]>(CONVERSATIONS, (list) => list?.filter((item) => item.id !== openId));
      open(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setDeleting(false);
    }
  };

  const list = conversations.data ?? [];
  const current = list.find((item) => item.id === openId);

  return (
    <div className="flex flex-col gap-4 md:flex-row md:items-start">
      <nav aria-label={t('conversations')} className="md:w-60 md:shrink-0">
        <div className="flex items-center justify-between gap-2">
          <h2 className="text-sm font-semibold text-slate-900">{t('conversations')}</h2>
          <Button size="sm" variant="secondary" onClick={() => open(null)} disabled={streaming !== null}>
            {t('newConversation')}
          </Button>
        </div>
        {list.length === 0 ? <p className="mt-3 text-sm text-slate-600">{t('noConversations')}</p> : null}
        <ul className="mt-3 flex max-h-48 flex-col gap-1 overflow-y-auto md:max-h-none" data-testid="coach-conversations">
          {list.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => open(item.id)}
                disabled={streaming !== null}
                aria-current={item.id === openId ? 'true' : undefined}
                className={`w-full truncate rounded-md px-3 py-2 text-start text-sm ${item.id === openId ? 'bg-brand/10 font-semibold text-slate-900' : 'text-slate-700 hover:bg-slate-100'}`}
              >
                {item.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-label={t('chatLabel')} className="flex min-w-0 flex-1 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:p-4">
        <div className="flex items-center justify-between gap-2">
          <h2 className="min-w-0 truncate text-base font-semibold text-slate-900">{current?.title ?? t('untitled')}</h2>
          {openId ? (
            <ConfirmDialog
              trigger={
                <Button size="icon-sm" variant="ghost" aria-label={t('deleteConversation')} disabled={streaming !== null}>
                  <Trash2 aria-hidden />
                </Button>
              }
              title={t('deleteTitle')}
              description={t('deleteDescription')}
              confirmLabel={t('delete')}
              pending={deleting}
              onConfirm={remove}
            />
          ) : null}
        </div>

        <div role="log" aria-live="polite" aria-busy={streaming !== null} className="flex max-h-[60vh] min-h-40 flex-col gap-3 overflow-y-auto" data-testid="coach-log">
          {messages.length === 0 && streaming === null ? <p className="text-sm text-slate-600">{t('emptyChat')}</p> : null}
          {messages.map((message) => (
            <div key={message.id} className={message.role === 'user' ? 'ms-auto max-w-[85%] rounded-lg bg-brand/10 px-3 py-2' : 'me-auto max-w-[92%] rounded-lg bg-slate-100 px-3 py-2'} data-testid={`coach-message-${message.role}`}>
              <p className="text-xs font-semibold text-slate-700">{message.role === 'user' ? t('you') : t('coach')}</p>
              <p className="text-sm break-words whitespace-pre-wrap text-slate-900">{message.content}</p>
              {message.proposal ? <ProposalCard message={message} canAccept={canAsk} onChange={(next) => setMessages((all) => all.map((item) => (item.id === next.id ? next : item)))} /> : null}
            </div>
          ))}
          {streaming !== null ? (
            <div className="me-auto max-w-[92%] rounded-lg bg-slate-100 px-3 py-2" data-testid="coach-streaming">
              <p className="text-xs font-semibold text-slate-700">{t('coach')}</p>
              <p className="text-sm break-words whitespace-pre-wrap text-slate-900">{streaming || t('writing')}</p>
            </div>
          ) : null}
          {interrupted ? <p className="text-sm text-amber-800">{t('interrupted')}</p> : null}
          <div ref={endRef} />
        </div>

        <FormAlert message={error} />
        {canAsk && !exhausted ? (
          <form
            className="flex flex-col gap-2 sm:flex-row sm:items-end"
            onSubmit={(event) => {
              event.preventDefault();
              void ask();
            }}
          >
            <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium text-slate-800">
              {t('askLabel')}
              <textarea
                ref={inputRef}
                value={question}
                onChange={(event) => setQuestion(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                    event.preventDefault();
                    void ask();
                  }
                }}
                rows={2}
                maxLength={COACH_MESSAGE_MAX}
                placeholder={t('askPlaceholder')}
                className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-normal text-slate-900"
              />
            </label>
            <Button type="submit" disabled={streaming !== null || question.trim() === ''}>
              {streaming !== null ? t('writing') : t('send')}
            </Button>
          </form>
        ) : !canAsk ? (
          <p className="text-sm text-slate-600">{t('cannotAsk')}</p>
        ) : null}
      </section>
    </div>
  );
}
