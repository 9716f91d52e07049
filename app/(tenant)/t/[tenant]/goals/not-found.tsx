import { SectionNotFound } from '@/components/shell/section-states';
import { DEFAULT_TERMINOLOGY, capitalize, term } from '@/lib/branding/terminology';
import { getCurrentTenant } from '@/lib/tenancy/current-tenant';

// In the workspace's own words (globex's "objective" is not found, never a "goal").
export default async function NotFound() {
  const terminology = (await getCurrentTenant())?.branding.terminology ?? DEFAULT_TERMINOLOGY;
  return (
    <SectionNotFound title={`${capitalize(term(terminology, 'goal'))} not found`} backHref="/goals" backLabel={`Back to ${term(terminology, 'goals')}`}>
      This {term(terminology, 'goal')} does not exist, was deleted, or is not shared with you.
    </SectionNotFound>
  );
}
