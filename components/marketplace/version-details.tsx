import { FormattedDateTime } from '@/components/ui/formatted';
import { renderAppDescription } from '@/lib/marketplace/app-description';
import type { AppVersionView, CommentView } from '@/lib/marketplace/app-views';
import { categoryLabel } from '@/lib/marketplace/categories';
import { describePricing } from '@/lib/marketplace/pricing';

// What a version says and asks for, read-only (the partner's submitted versions, the reviewer's
// view), and the review thread.

const LINKS = [
  ['websiteUrl', 'Website'],
  ['docsUrl', 'Documentation'],
  ['supportUrl', 'Support'],
  ['privacyUrl', 'Privacy policy'],
  ['termsUrl', 'Terms'],
  ['setupUrl', 'Setup URL'],
] as const;

export function VersionDetails({ version }: { version: AppVersionView }) {
  return (
    <div className="flex flex-col gap-5 text-sm">
      <div>
        <p className="font-semibold text-slate-900">{version.name}</p>
        <p className="text-slate-600">{version.tagline || 'No tagline.'}</p>
        <p className="text-xs text-slate-500">{categoryLabel(version.category)}</p>
        <p className="mt-1 font-medium text-slate-900" data-testid="version-price">
          Price: {describePricing(version.price)}
        </p>
      </div>
      <div
        className="flex flex-col gap-2 break-words text-slate-800 [&_a]:text-brand-text [&_a]:underline [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_table]:text-left [&_td]:pr-3 [&_th]:pr-3 [&_ul]:list-disc [&_ul]:pl-5"
        data-testid="app-description"
        // Rendered by micromark with raw HTML escaped and unsafe link protocols dropped (lib/marketplace/app-description.ts).
        dangerouslySetInnerHTML={{ __html: version.description ? renderAppDescription(version.description) : '<p>No description yet.</p>' }}
      />
      <div>
        <p className="font-semibold text-slate-900">Scopes</p>
        {version.scopes.length ? (
          <ul className="mt-1 flex flex-col gap-1" data-testid="version-scopes">
            {version.scopes.map((s) => (
              <li key={s.scope} className="break-words">
                <code className="font-semibold">{s.scope}</code>: {s.justification || <span className="text-red-700">no justification</span>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">None requested.</p>
        )}
      </div>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">Redirect URIs</dt>
        <dd className="break-all">{version.redirectUris.join(', ') || '—'}</dd>
        <dt className="text-slate-600">Webhook URL</dt>
        <dd className="break-all">{version.webhookUrl ?? '—'}</dd>
        <dt className="text-slate-600">Webhook events</dt>
        <dd className="break-words">{version.webhookEvents.join(', ') || '—'}</dd>
        {LINKS.map(([key, label]) => (
          <div key={key} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="break-all">{version[key] ?? '—'}</dd>
          </div>
        ))}
      </dl>
      {version.logoUrl || version.screenshots.length ? (
        <ul className="flex flex-wrap gap-3">
          {version.logoUrl ? (
            <li>
              <img src={version.logoUrl} alt={`${version.name} logo`} width={64} height={64} className="h-16 w-16 rounded-lg border border-slate-200 object-cover" />
            </li>
          ) : null}
          {version.screenshots.map((shot, index) => (
            <li key={shot.id}>
              <img src={shot.url} alt={`Screenshot ${index + 1}`} width={160} height={90} className="h-[90px] w-40 rounded-md border border-slate-200 object-cover" />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function ReviewThread({ comments }: { comments: CommentView[] }) {
  if (comments.length === 0) return <p className="text-sm text-slate-600">No comments yet.</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="review-thread">
      {comments.map((comment) => (
        <li key={comment.id} className={`rounded-md border p-3 text-sm ${comment.side === 'operator' ? 'border-sky-200 bg-sky-50' : 'border-slate-200 bg-white'}`}>
          <p className="text-xs text-slate-600">
            <span className="font-semibold text-slate-800">{comment.author}</span> · <FormattedDateTime value={comment.createdAt} />
          </p>
          <p className="mt-1 break-words whitespace-pre-wrap text-slate-800">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
