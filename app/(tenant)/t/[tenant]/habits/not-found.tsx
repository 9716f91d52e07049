import { SectionNotFound } from '@/components/shell/section-states';
import { DEFAULT_TERMINOLOGY, capitalize, term } from '@/lib/branding/terminology';
import { getCurrentTenant } from '@/lib/tenancy/current-tenant';

// In the workspace's own words (globex's "objective" is not found, never a "goal").
export default async function NotFound() {
  const terminology = (await getCurrentTenant())?.branding.terminology ?? DEFAULT_TERMINOLOGY;
  return (
    <SectionNotFound title={`${capitalize(term(terminology, 'habit'))} not found`} backHref="/habits" backLabel={`Back to ${term(terminology, 'habits')}`}>
      This {term(terminology, 'habit')} does not exist, was deleted, or is not shared with you.
    </SectionNotFound>
  );
}
