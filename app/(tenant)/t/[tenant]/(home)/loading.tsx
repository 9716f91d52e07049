import { DashboardSkeleton } from '@/components/shell/section-states';

// In a route group of its own so that the Suspense boundary of this skeleton holds only this
// page: a boundary above the detail pages would send their notFound()/forbidden() with a 200
// (the response has started streaming), and the 404s and 403s are part of the contract.
export default function Loading() {
  return <DashboardSkeleton />;
}
