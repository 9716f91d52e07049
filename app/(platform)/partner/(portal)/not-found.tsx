import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  return <SectionNotFound title="Page not found" backHref="/partner" backLabel="Back to the overview" inset />;
}
