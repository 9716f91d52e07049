import { getTranslations } from 'next-intl/server';
import type { WhiteLabel } from '@/lib/resellers/white-label';

/** "Provided by <reseller>" on a reseller client's workspace, in place of "Powered by Waypoint". */
export async function WhiteLabelCredit({ label }: { label: WhiteLabel }) {
  const t = await getTranslations('reseller.whiteLabel');
  const content = (
    <>
      {label.logoUrl ? <img src={label.logoUrl} alt="" height={16} className="me-1 inline h-4 w-auto align-text-bottom" /> : null}
      {t('providedBy', { name: label.name })}
    </>
  );
  return label.websiteUrl ? (
    <a href={label.websiteUrl} data-testid="white-label" className="hover:text-slate-700" rel="noopener">
      {content}
    </a>
  ) : (
    <span data-testid="white-label">{content}</span>
  );
}
