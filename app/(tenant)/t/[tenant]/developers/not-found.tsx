import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  return <SectionNotFound title="Not found" backHref="/developers" backLabel="Back to Developers" inset>
      This key, webhook or app does not exist, or was deleted.
    </SectionNotFound>;
}
