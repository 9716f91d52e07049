import { ApiError, apiResponse } from '@/lib/http/api-client';
import type { CoachConversationSummary, CoachMessageView } from '@/lib/coach/conversations';

// The page's side of POST /api/app/coach/messages: a refusal is a problem+json (ApiError, its
// sentence in the page's language); an answer is Server-Sent Events (lib/coach/sse.ts), read
// as they arrive with fetch's body reader and handed to the callbacks.

export interface StreamHandlers {
  onConversation(conversation: CoachConversationSummary): void;
  onDelta(text: string): void;
  onMessage(message: CoachMessageView & { conversationId: string }): void;
  onError(): void;
}

type Frame =
  | { type: 'conversation'; conversation: CoachConversationSummary }
  | { type: 'delta'; delta: string }
  | { type: 'message'; message: CoachMessageView & { conversationId: string } }
  | { type: 'error'; code: string; detail: string };

export async function askCoachStreaming(body: { conversationId?: string; message: string }, handlers: StreamHandlers, signal?: AbortSignal): Promise<void> {
  const response = await apiResponse('/api/app/coach/messages', { method: 'POST', json: body, headers: { accept: 'text/event-stream' }, signal });
  if (!response.body) throw new ApiError(response.status, `Request failed (${response.status}).`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const line = buffer.slice(0, end).replace(/^data: /, '');
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf('\n\n');
      if (line === '[DONE]') return;
      const frame = JSON.parse(line) as Frame;
      if (frame.type === 'conversation') handlers.onConversation(frame.conversation);
      else if (frame.type === 'delta') handlers.onDelta(frame.delta);
      else if (frame.type === 'message') handlers.onMessage(frame.message);
      else handlers.onError();
    }
  }
}
