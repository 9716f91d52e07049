import { TableSkeleton } from '@/components/shell/section-states';

export default function Loading() {
  return <TableSkeleton inset />;
}
