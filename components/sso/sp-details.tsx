import { useTranslations } from 'next-intl';
import { CopyButton } from '@/components/developers/copy-button';

/** What the IdP's admin needs from us: ACS URL, SP entity id, and the metadata to import. */
export function SpDetails({ acsUrl, entityId, metadataUrl }: { acsUrl: string; entityId: string; metadataUrl: string }) {
  const t = useTranslations('sso.sp');
  const rows = [
    { label: t('acsUrl'), value: acsUrl, testId: 'sp-acs-url' },
    { label: t('entityId'), value: entityId, testId: 'sp-entity-id' },
    { label: t('metadataUrl'), value: metadataUrl, testId: 'sp-metadata-url' },
  ];
  return (
    <div className="flex flex-col gap-4">
      <dl className="flex flex-col gap-3">
        {rows.map((row) => (
          <div key={row.label} className="flex flex-col gap-1">
            <dt className="text-sm font-medium text-slate-800">{row.label}</dt>
            <dd className="flex flex-wrap items-center gap-3">
              <code className="rounded bg-slate-100 px-2 py-1 text-xs break-all text-slate-900" dir="ltr" data-testid={row.testId}>
                {row.value}
              </code>
              <CopyButton text={row.value} label={t('copy', { label: row.label })} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        {t.rich('instructions', { code: (chunks) => <code dir="ltr">{chunks}</code> })}{' '}
        <a href={`${metadataUrl}?download=1`} className="font-semibold text-brand-text underline">
          {t('download')}
        </a>
      </p>
    </div>
  );
}
