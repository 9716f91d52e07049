import { useTranslations } from 'next-intl';
import { FormattedDateTime } from '@/components/ui/formatted';
import { renderAppDescription } from '@/lib/marketplace/app-description';
import type { AppVersionView, CommentView } from '@/lib/marketplace/app-views';
import { categoryText } from './category-text';
import { PriceLabel } from './price-label';

// What a version says and asks for, read-only (the partner's submitted versions, the reviewer's
// view), and the review thread.

const LINKS = [
  ['websiteUrl', 'website'],
  ['docsUrl', 'documentation'],
  ['supportUrl', 'support'],
  ['privacyUrl', 'privacy'],
  ['termsUrl', 'terms'],
  ['setupUrl', 'setupUrl'],
] as const;

export function VersionDetails({ version }: { version: AppVersionView }) {
  const t = useTranslations('marketplacePartner.version');
  const marketplace = useTranslations('marketplace');
  return (
    <div className="flex flex-col gap-5 text-sm">
      <div>
        <p className="font-semibold text-slate-900">{version.name}</p>
        <p className="text-slate-600">{version.tagline || t('noTagline')}</p>
        <p className="text-xs text-slate-500">{categoryText(marketplace, version.category)}</p>
        <p className="mt-1 font-medium text-slate-900" data-testid="version-price">
          {t.rich('price', { price: () => <PriceLabel pricing={version.price} /> })}
        </p>
      </div>
      <div
        className="flex flex-col gap-2 break-words text-slate-800 [&_a]:text-brand-text [&_a]:underline [&_h1]:text-base [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:ps-5 [&_table]:text-start [&_td]:pe-3 [&_th]:pe-3 [&_ul]:list-disc [&_ul]:ps-5"
        data-testid="app-description"
        // Rendered by micromark with raw HTML escaped and unsafe link protocols dropped (lib/marketplace/app-description.ts).
        dangerouslySetInnerHTML={{ __html: version.description ? renderAppDescription(version.description) : `<p>${escapeHtml(t('noDescription'))}</p>` }}
      />
      <div>
        <p className="font-semibold text-slate-900">{t('scopes')}</p>
        {version.scopes.length ? (
          <ul className="mt-1 flex flex-col gap-1" data-testid="version-scopes">
            {version.scopes.map((s) => (
              <li key={s.scope} className="break-words">
                {s.justification
                  ? t.rich('scopeLine', { scope: s.scope, justification: s.justification, code: (chunks) => <code className="font-semibold">{chunks}</code> })
                  : t.rich('scopeLineMissing', { scope: s.scope, code: (chunks) => <code className="font-semibold">{chunks}</code>, missing: (chunks) => <span className="text-red-700">{chunks}</span> })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-slate-600">{t('noneRequested')}</p>
        )}
      </div>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">{t('redirectUris')}</dt>
        <dd className="break-all" dir="ltr">{version.redirectUris.join(', ') || t('none')}</dd>
        <dt className="text-slate-600">{t('webhookUrl')}</dt>
        <dd className="break-all" dir="ltr">{version.webhookUrl ?? t('none')}</dd>
        <dt className="text-slate-600">{t('webhookEvents')}</dt>
        <dd className="break-words" dir="ltr">{version.webhookEvents.join(', ') || t('none')}</dd>
        {LINKS.map(([key, label]) => (
          <div key={key} className="contents">
            <dt className="text-slate-600">{t(label)}</dt>
            <dd className="break-all" dir="ltr">{version[key] ?? t('none')}</dd>
          </div>
        ))}
      </dl>
      {version.logoUrl || version.screenshots.length ? (
        <ul className="flex flex-wrap gap-3">
          {version.logoUrl ? (
            <li>
              <img src={version.logoUrl} alt={t('logoAlt', { app: version.name })} width={64} height={64} className="h-16 w-16 rounded-lg border border-slate-200 object-cover" />
            </li>
          ) : null}
          {version.screenshots.map((shot, index) => (
            <li key={shot.id}>
              <img src={shot.url} alt={t('screenshotAlt', { number: index + 1 })} width={160} height={90} className="h-[90px] w-40 rounded-md border border-slate-200 object-cover" />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function ReviewThread({ comments }: { comments: CommentView[] }) {
  const t = useTranslations('marketplacePartner.version');
  if (comments.length === 0) return <p className="text-sm text-slate-600">{t('noComments')}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="review-thread">
      {comments.map((comment) => (
        <li key={comment.id} className={`rounded-md border p-3 text-sm ${comment.side === 'operator' ? 'border-sky-200 bg-sky-50' : 'border-slate-200 bg-white'}`}>
          <p className="text-xs text-slate-600">
            {t.rich('commentMeta', {
              author: comment.author,
              strong: (chunks) => <span className="font-semibold text-slate-800">{chunks}</span>,
              time: () => <FormattedDateTime value={comment.createdAt} />,
            })}
          </p>
          <p className="mt-1 break-words whitespace-pre-wrap text-slate-800">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}
