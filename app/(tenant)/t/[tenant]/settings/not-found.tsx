import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  return <SectionNotFound title="Page not found" backHref="/settings" backLabel="Back to settings" inset />;
}
