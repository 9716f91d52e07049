import type { CoachExchange, CoachStreamEvent } from './ask-coach.ts';

// A coach exchange as Server-Sent Events, the way OpenAI streams (one `data: {json}` line per
// event, `data: [DONE]` at the end), for the workspace's page and for POST /api/v1/coach/messages
// alike: {"type":"conversation"} first, then {"type":"delta","delta":"…"} as the answer
// arrives, and {"type":"message"} with the stored answer, its proposal and the token usage
// (or {"type":"error"} if the provider broke off). A member who leaves stops the answer.

function frame(event: CoachStreamEvent): Record<string, unknown> {
  switch (event.type) {
    case 'conversation':
      return { type: 'conversation', conversation: event.conversation };
    case 'delta':
      return { type: 'delta', delta: event.text };
    case 'done':
      return {
        type: 'message',
        message: { ...event.message, conversationId: event.conversationId },
        usage: { promptTokens: event.usage.promptTokens, completionTokens: event.usage.completionTokens, totalTokens: event.usage.promptTokens + event.usage.completionTokens },
      };
    case 'error':
      return { type: 'error', code: event.code, detail: event.message };
  }
}

export function coachEventStream(exchange: CoachExchange): Response {
  const encoder = new TextEncoder();
  const { events } = exchange;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) {
        controller.enqueue(encoder.encode('data: [DONE]\n\n'));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(`data: ${JSON.stringify(frame(next.value))}\n\n`));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-store', 'x-accel-buffering': 'no' },
  });
}
