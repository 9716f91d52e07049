import { SectionNotFound } from '@/components/shell/section-states';

export default function NotFound() {
  return <SectionNotFound title="Page not found" backHref="/account" backLabel="Back to your account" />;
}
