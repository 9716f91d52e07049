import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { appScopeOptions } from '@/components/oauth/scope-options';
import { oauthJavascriptSample, oauthPythonSample } from '@/lib/oauth/docs-samples';
import { ACCESS_TOKEN_LIFETIME, AUTHORIZATION_CODE_LIFETIME, REFRESH_REUSE_GRACE, REFRESH_TOKEN_LIFETIME } from '@/lib/oauth/token-lifetimes';
import { CodeTabs } from './code-tabs';
import { code } from './docs-intro';

function Topic({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <h2 className="text-sm font-semibold text-slate-900">{title}</h2>
      <div className="flex flex-col gap-2 text-sm leading-6 text-slate-700">{children}</div>
    </div>
  );
}

/** The token endpoint's errors (RFC 6749 §5.2) and when each is answered (docs.oauth.tokenErrors.<key>). */
const TOKEN_ERRORS = [
  ['invalid_request', '400', 'invalidRequest'],
  ['invalid_client', '401', 'invalidClient'],
  ['invalid_grant', '400', 'invalidGrant'],
  ['unauthorized_client', '400', 'unauthorizedClient'],
  ['unsupported_grant_type', '400', 'unsupportedGrantType'],
  ['invalid_scope', '400', 'invalidScope'],
] as const;

/**
 * OAuth 2.0 for third-party apps: the workspace's authorization server, its rules and errors,
 * and a worked example in JavaScript and Python.
 */
export async function OAuthSection({ issuer, workspaceName }: { issuer: string; workspaceName: string }) {
  const t = await getTranslations('docs.oauth');
  const scopes = appScopeOptions(await getTranslations('consent'));
  const sample = { issuer, clientId: 'wpc_your_client_id', redirectUri: 'https://app.example.com/callback', scope: 'read:users read:goals' };
  return (
    <section aria-labelledby="oauth" className="flex flex-col gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="oauth-docs">
      <h1 id="oauth" className="text-2xl font-bold text-slate-900">
        {t('title')}
      </h1>
      <p className="text-sm leading-6 text-slate-700">{t('intro')}</p>
      <div className="grid gap-5 md:grid-cols-2">
        <Topic title={t('issuer.title')}>
          <p>{t.rich('issuer.body', { workspaceName, issuer, metadata: `${issuer}/.well-known/oauth-authorization-server`, c: code })}</p>
        </Topic>
        <Topic title={t('pkce.title')}>
          <p>{t.rich('pkce.body', { c: code })}</p>
        </Topic>
        <Topic title={t('redirectUris.title')}>
          <p>{t.rich('redirectUris.body', { c: code })}</p>
        </Topic>
        <Topic title={t('lifetimes.title')}>
          <p>{t('lifetimes.body', { codeMinutes: AUTHORIZATION_CODE_LIFETIME / 60, accessHours: ACCESS_TOKEN_LIFETIME / 3600, refreshDays: REFRESH_TOKEN_LIFETIME / 86400 })}</p>
        </Topic>
        <Topic title={t('rotation.title')}>
          <p>{t.rich('rotation.body', { grace: REFRESH_REUSE_GRACE, c: code })}</p>
        </Topic>
        <Topic title={t('oidc.title', { workspaceName })}>
          <p>{t.rich('oidc.body', { jwks: `${issuer}/oauth/jwks`, discovery: `${issuer}/.well-known/openid-configuration`, c: code })}</p>
        </Topic>
        <Topic title={t('revocation.title')}>
          <p>{t.rich('revocation.body', { c: code })}</p>
        </Topic>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-900">{t('scopes')}</h2>
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="oauth-scopes">
          {scopes.map(({ scope, description }) => (
            <div key={scope} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:gap-4">
              <dt className="shrink-0 sm:w-48">
                <code className="font-mono text-slate-900">{scope}</code>
              </dt>
              <dd className="text-slate-600">{description}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-900">{t('errors.title')}</h2>
        <p className="text-sm text-slate-700">{t.rich('errors.body', { json: '{"error": "…", "error_description": "…"}', c: code })}</p>
        <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200 text-sm" data-testid="oauth-errors">
          {TOKEN_ERRORS.map(([error, status, key]) => (
            <div key={error} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:gap-4">
              <dt className="flex shrink-0 items-baseline gap-2 sm:w-64">
                <code className="font-mono text-slate-900">{error}</code>
                <span className="text-xs text-slate-500">{status}</span>
              </dt>
              <dd className="text-slate-600">{t(`tokenErrors.${key}`)}</dd>
            </div>
          ))}
        </dl>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className="text-sm font-semibold text-slate-900">{t('example.title')}</h2>
        <p className="text-sm text-slate-700">{t.rich('example.body', { c: code })}</p>
        <CodeTabs
          label={t('example.label')}
          samples={[
            { id: 'javascript', label: 'JavaScript (openid-client)', code: oauthJavascriptSample(sample) },
            { id: 'python', label: 'Python (Authlib)', code: oauthPythonSample(sample) },
          ]}
        />
      </div>
    </section>
  );
}
