import { ListSkeleton } from '@/components/shell/section-states';

export default function Loading() {
  return <ListSkeleton />;
}
