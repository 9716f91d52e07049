'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { TextField } from '@/components/ui/text-field';
import { useSessionApiKey } from './use-session-api-key';

export interface TryItParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
}

interface Props {
  method: string;
  path: string;
  parameters: TryItParameter[];
  /** The example body, pretty-printed JSON; null when the operation takes none. */
  exampleBody: string | null;
}

interface Answer {
  status: number;
  statusText: string;
  ms: number;
  headers: [string, string][];
  body: string;
}

async function readAnswer(response: Response, started: number): Promise<Answer> {
  const text = await response.text();
  let body = text;
  try {
    body = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON (or empty, as on 204 and 304): shown as it came.
  }
  return { status: response.status, statusText: response.statusText, ms: Math.round(performance.now() - started), headers: [...response.headers.entries()].sort(), body };
}

/**
 * Sends one request to this workspace's API from the browser, with the reader's own key.
 * Cookies are left out, so the answer is exactly what the key alone gets.
 */
export function TryIt({ method, path, parameters, exampleBody }: Props) {
  const id = useId();
  const [apiKey, setApiKey] = useSessionApiKey();
  const [values, setValues] = useState<Record<string, string>>({});
  const [body, setBody] = useState(exampleBody ?? '');
  const [alert, setAlert] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [pending, setPending] = useState(false);
  const field = (p: TryItParameter) => `${p.in}:${p.name}`;

  async function send(event: FormEvent) {
    event.preventDefault();
    setAlert(null);
    const missing = parameters.filter((p) => p.required && !values[field(p)]?.trim()).map((p) => p.name);
    if (!apiKey.trim()) return setAlert('Paste one of your API keys first.');
    if (missing.length) return setAlert(`Fill in ${missing.join(', ')}.`);
    if (exampleBody !== null) {
      try {
        JSON.parse(body);
      } catch {
        return setAlert('The body is not valid JSON.');
      }
    }
    let url = path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = { authorization: `Bearer ${apiKey.trim()}` };
    for (const p of parameters) {
      const value = values[field(p)]?.trim();
      if (!value) continue;
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(value));
      else if (p.in === 'query') query.set(p.name, value);
      else headers[p.name] = value;
    }
    if (exampleBody !== null) headers['content-type'] = 'application/json';
    setPending(true);
    const started = performance.now();
    try {
      const response = await fetch(query.size ? `${url}?${query}` : url, { method, headers, body: exampleBody === null ? undefined : body, credentials: 'omit', cache: 'no-store' });
      setAnswer(await readAnswer(response, started));
    } catch {
      setAlert('The request did not reach the server. Check your connection and try again.');
    }
    setPending(false);
  }

  return (
    <form onSubmit={send} noValidate aria-label={`Try ${method} ${path}`} className="flex flex-col gap-4">
      <FormAlert message={alert} />
      <TextField
        label="Your API key"
        name="apiKey"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        onChange={(e) => setApiKey(e.target.value)}
        placeholder="wp_live_…"
        hint="Kept in this browser tab only, and sent only as this request's Authorization header. Requests count toward your usage."
      />
      {parameters.length ? (
        <div className="grid gap-3 sm:grid-cols-2">
          {parameters.map((p) => (
            <TextField
              key={field(p)}
              label={`${p.name} (${p.in}${p.required ? ', required' : ''})`}
              name={field(p)}
              value={values[field(p)] ?? ''}
              onChange={(e) => setValues({ ...values, [field(p)]: e.target.value })}
              hint={p.description}
            />
          ))}
        </div>
      ) : null}
      {exampleBody !== null ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-body`} className="text-sm font-medium text-slate-800">
            Request body (JSON)
          </label>
          <textarea
            id={`${id}-body`}
            rows={Math.min(14, body.split('\n').length + 1)}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            spellCheck={false}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-xs shadow-sm"
          />
        </div>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Sending…' : 'Send request'}
        </Button>
      </div>
      {/* Only the status line is announced; the headers and body are there to read. */}
      <p role="status" aria-live="polite" className="text-sm font-semibold text-slate-900" data-testid="try-it-status">
        {answer ? `${answer.status} ${answer.statusText}`.trim() : ''}
        {answer ? <span className="font-normal text-slate-500"> · {answer.ms} ms</span> : null}
      </p>
      {answer ? (
        <section aria-label="Response" className="flex flex-col gap-3 rounded-md border border-slate-200 bg-slate-50 p-3">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 font-mono text-xs">
            {answer.headers.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className={name.startsWith('ratelimit') || name === 'retry-after' ? 'font-semibold text-slate-900' : 'text-slate-500'}>{name}</dt>
                <dd className="break-all text-slate-700">{value}</dd>
              </div>
            ))}
          </dl>
          <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
            <code>{answer.body || '(no body)'}</code>
          </pre>
        </section>
      ) : null}
    </form>
  );
}
