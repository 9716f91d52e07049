import type { IntegrationManifest } from '@/lib/integrations/types';

/**
 * What the platform's operator must do before anyone can use the integration here: its setup
 * steps, the environment variables (missing ones marked), the redirect URI to register at the
 * provider, and the scopes to allow. Secrets are never shown, only their names.
 */
export function NotConfiguredCard({ manifest, missingEnv, redirectUri }: { manifest: IntegrationManifest; missingEnv: string[]; redirectUri: string | null }) {
  return (
    <section aria-labelledby="not-configured" data-testid="integration-not-configured" className="rounded-lg border border-slate-300 bg-slate-50 p-4 text-sm text-slate-700">
      <h2 id="not-configured" className="font-semibold text-slate-900">
        Not configured on this installation
      </h2>
      <p className="mt-1">{manifest.name} needs credentials from its provider that this server does not have yet. Whoever runs this installation sets it up once; then workspaces can install it.</p>
      <ol className="mt-3 ml-5 flex list-decimal flex-col gap-1">
        {manifest.setupSteps.map((step) => (
          <li key={step} className="break-words">
            {step}
          </li>
        ))}
      </ol>
      <h3 className="mt-4 font-semibold text-slate-900">Environment variables</h3>
      <ul className="mt-1 flex flex-col gap-1">
        {manifest.env.map((entry) => (
          <li key={entry.name} className="break-words">
            <code className="rounded bg-white px-1 font-mono text-xs text-slate-900">{entry.name}</code> {missingEnv.includes(entry.name) ? <span className="font-medium text-red-800">(not set)</span> : entry.required ? <span className="text-emerald-800">(set)</span> : <span>(optional)</span>}: {entry.description}
          </li>
        ))}
      </ul>
      {redirectUri ? (
        <>
          <h3 className="mt-4 font-semibold text-slate-900">Redirect URI</h3>
          <p className="mt-1 font-mono text-xs break-all text-slate-900" data-testid="integration-redirect-uri">
            {redirectUri}
          </p>
        </>
      ) : null}
      {manifest.providerScopes.length ? (
        <>
          <h3 className="mt-4 font-semibold text-slate-900">Scopes</h3>
          <p className="mt-1 font-mono text-xs break-all text-slate-900">{manifest.providerScopes.join(' ')}</p>
        </>
      ) : null}
    </section>
  );
}
