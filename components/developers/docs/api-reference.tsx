'use client';

import '@scalar/api-reference-react/style.css';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { useFormat } from '@/lib/format/format-context';
import { useDocsTryItKey } from './use-docs-try-it-key';

// Scalar renders the reference in the browser only (it is a Vue app inside React), so it is
// loaded without server rendering, after the page, from this app's own bundle.
const ApiReferenceReact = dynamic(() => import('@scalar/api-reference-react').then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <Skeleton className="h-96 w-full" />,
});

// Scalar's greys are lighter than WCAG AA allows on white; these keep its look with 4.5:1 text.
const CUSTOM_CSS = `
.scalar-app, .scalar-app .light-mode, .light-mode .scalar-app {
  --scalar-color-1: #0f172a;
  --scalar-color-2: #334155;
  --scalar-color-3: #475569;
  --scalar-color-accent: #1d4ed8;
  --scalar-color-green: #047857;
  --scalar-color-blue: #1d4ed8;
  --scalar-color-orange: #b45309;
  --scalar-color-red: #b91c1c;
  --scalar-color-purple: #6d28d9;
  --scalar-color-yellow: #854d0e;
  --scalar-font: ui-sans-serif, system-ui, sans-serif;
  --scalar-font-code: ui-monospace, SFMono-Regular, Menlo, monospace;
}
.scalar-app .references-layout { min-height: 0; }
/* Try it: the response body first, then the headers and cookies (collapsed) below it. */
.response-section-content-body { order: -1; }
`;

interface Props {
  /** The OpenAPI document of one resource, built on the server from the app's own document. */
  spec: Record<string, unknown>;
  /** The signed-in member's user id; null for visitors. */
  userId: string | null;
}

/** Adds scrollable code blocks to the tab order, so keyboard users can scroll them. */
function useFocusableScrollers(root: React.RefObject<HTMLDivElement | null>, label: string) {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const mark = () => {
      element.querySelectorAll<HTMLElement>('pre, .cm-scroller, [class*="scalar-code-block"]').forEach((node) => {
        if (node.tabIndex < 0 && !node.closest('[inert]')) {
          node.tabIndex = 0;
          if (!node.getAttribute('aria-label') && !node.getAttribute('role')) node.setAttribute('role', 'region');
          if (!node.getAttribute('aria-label')) node.setAttribute('aria-label', label);
        }
      });
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, label]);
}

export function ApiReference({ spec, userId }: Props) {
  const t = useTranslations('docs.tryIt');
  const tryIt = useDocsTryItKey(userId);
  const format = useFormat();
  const root = useRef<HTMLDivElement>(null);
  useFocusableScrollers(root, t('codeLabel'));
  const token = tryIt.status === 'ready' ? tryIt.key.secret : '';

  const configuration = useMemo(
    () => ({
      content: spec,
      layout: 'modern' as const,
      theme: 'default' as const,
      forceDarkModeState: 'light' as const,
      hideDarkModeToggle: true,
      showSidebar: false,
      hideSearch: true,
      hideModels: true,
      hideClientButton: true,
      showDeveloperTools: 'never' as const,
      documentDownloadType: 'none' as const,
      defaultOpenAllTags: true,
      expandAllResponses: false,
      // Nothing leaves this app: no telemetry, fonts, request proxy, agent or MCP.
      telemetry: false,
      withDefaultFonts: false,
      agent: { disabled: true },
      mcp: { disabled: true },
      persistAuth: false,
      customCss: CUSTOM_CSS,
      // The API ignores cookies; leaving them out shows exactly what the key alone gets.
      customFetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, { ...init, credentials: 'omit' }),
      authentication: {
        preferredSecurityScheme: 'bearerAuth',
        securitySchemes: { bearerAuth: { token } },
      },
    }),
    [spec, token],
  );

  return (
    <div className="flex flex-col gap-4">
      <TryItNotice state={tryIt} formatTime={(iso) => format.dateTime(iso)} />
      {tryIt.status === 'loading' ? (
        <Skeleton className="h-96 w-full" />
      ) : (
        <div ref={root} className="api-reference -mx-2 min-w-0" data-testid="api-reference">
          <ApiReferenceReact configuration={configuration} />
        </div>
      )}
    </div>
  );
}

function TryItNotice({ state, formatTime }: { state: ReturnType<typeof useDocsTryItKey>; formatTime: (iso: string) => string }) {
  const t = useTranslations('docs.tryIt');
  const box = 'rounded-md border px-4 py-3 text-sm';
  if (state.status === 'none')
    return (
      <p className={`${box} border-slate-200 bg-white text-slate-700`}>
        {t.rich('signIn', {
          link: (chunks) => (
            <Link href="/signin" className="font-semibold text-brand-text underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  if (state.status === 'loading') return <p className={`${box} border-slate-200 bg-white text-slate-700`}>{t('loading')}</p>;
  if (state.status === 'unavailable')
    return (
      <p role="alert" className={`${box} border-amber-300 bg-amber-50 text-amber-900`}>
        {t('unavailable', { reason: state.message ?? (state.reason === 'refused' ? t('refused') : t('unreachable')) })}
      </p>
    );
  return (
    <p className={`${box} border-slate-200 bg-white text-slate-700`} data-testid="try-it-key-notice">
      {t.rich('ready', {
        until: formatTime(state.key.expiresAt),
        scopes: state.key.scopes.join(', '),
        strong: (chunks) => <strong className="font-semibold text-slate-900">{chunks}</strong>,
      })}
    </p>
  );
}
