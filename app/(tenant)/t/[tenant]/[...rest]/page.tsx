import { notFound } from 'next/navigation';

// Unknown paths on a tenant host get the tenant's branded 404 rather than the platform's.
export default function UnknownTenantPath() {
  notFound();
}
