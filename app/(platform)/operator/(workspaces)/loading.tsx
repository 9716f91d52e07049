import { TableSkeleton } from '@/components/shell/section-states';

// In a route group of its own so that this skeleton's Suspense boundary holds only the list:
// above the other operator pages it would send their notFound()/forbidden() with a 200.
export default function Loading() {
  return <TableSkeleton />;
}
