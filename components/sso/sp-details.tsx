import { CopyButton } from '@/components/developers/copy-button';

/** What the IdP's admin needs from us: ACS URL, SP entity id, and the metadata to import. */
export function SpDetails({ acsUrl, entityId, metadataUrl }: { acsUrl: string; entityId: string; metadataUrl: string }) {
  const rows = [
    { label: 'ACS URL (single sign-on URL)', value: acsUrl, testId: 'sp-acs-url' },
    { label: 'SP entity ID (audience)', value: entityId, testId: 'sp-entity-id' },
    { label: 'SP metadata URL', value: metadataUrl, testId: 'sp-metadata-url' },
  ];
  return (
    <div className="flex flex-col gap-4">
      <dl className="flex flex-col gap-3">
        {rows.map((row) => (
          <div key={row.label} className="flex flex-col gap-1">
            <dt className="text-sm font-medium text-slate-800">{row.label}</dt>
            <dd className="flex flex-wrap items-center gap-3">
              <code className="rounded bg-slate-100 px-2 py-1 text-xs break-all text-slate-900" data-testid={row.testId}>
                {row.value}
              </code>
              <CopyButton text={row.value} label={`Copy ${row.label}`} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-600">
        Once a connection is added, give its IdP the connection&rsquo;s own ACS URL (shown with it): it ties every response to that connection, and sign-in from the IdP&rsquo;s dashboard needs it. Name ID: the person&rsquo;s email address. Optional attributes: <code>firstName</code>, <code>lastName</code>, and the attribute you map to roles below (e.g. <code>groups</code>).{' '}
        <a href={`${metadataUrl}?download=1`} className="font-semibold text-brand-text underline">
          Download SP metadata
        </a>
      </p>
    </div>
  );
}
