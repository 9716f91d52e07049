import Link from 'next/link';

/**
 * A request that cannot be sent back to the app (unknown client, redirect URI not
 * registered, …): said here, on the page, and never redirected anywhere.
 */
export function AuthorizeError({ error, description, workspaceName }: { error: string; description: string; workspaceName: string }) {
  return (
    <section aria-labelledby="authorize-error-title" className="mx-auto w-full max-w-lg px-6 py-16">
      <div className="rounded-lg border border-red-200 bg-white p-8 shadow-sm" data-testid="oauth-error">
        <p className="text-sm font-semibold text-red-700">Authorization failed</p>
        <h1 id="authorize-error-title" className="mt-2 text-xl font-bold text-slate-900">
          This app cannot connect to {workspaceName}
        </h1>
        <p className="mt-3 text-slate-700" data-testid="oauth-error-description">
          {description}
        </p>
        <p className="mt-3 text-sm text-slate-600">
          Nothing was shared with the app. Its developer has to fix this; if you got here from their app, let them know.
        </p>
        <p className="mt-3 text-xs text-slate-500">
          Error code: <code className="font-mono">{error}</code>
        </p>
        <Link href="/" className="mt-6 inline-block font-semibold text-brand-text underline">
          Back to {workspaceName}
        </Link>
      </div>
    </section>
  );
}
