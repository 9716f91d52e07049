import { FormSkeleton } from '@/components/shell/section-states';

export default function Loading() {
  return <FormSkeleton inset />;
}
