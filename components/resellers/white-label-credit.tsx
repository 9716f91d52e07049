import type { WhiteLabel } from '@/lib/resellers/white-label';

/** "Provided by <reseller>" on a reseller client's workspace, in place of "Powered by Waypoint". */
export function WhiteLabelCredit({ label }: { label: WhiteLabel }) {
  const content = (
    <>
      {label.logoUrl ? <img src={label.logoUrl} alt="" height={16} className="mr-1 inline h-4 w-auto align-text-bottom" /> : null}
      Provided by {label.name}
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
