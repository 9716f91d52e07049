import { notFound } from 'next/navigation';

// proxy.ts rewrites requests for hosts that no workspace owns here.
export default function WorkspaceNotFoundPage() {
  notFound();
}
