import { DashboardSkeleton } from '@/components/shell/section-states';

export default function Loading() {
  return <DashboardSkeleton />;
}
