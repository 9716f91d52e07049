import type { Metadata } from 'next';
import { StatusPage } from '@/components/platform/status-page';
import { platformOrigin } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Workspace deleted' };

// proxy.ts rewrites requests for the address of an erased workspace here (lib/platform/tenant-erasure.ts).
export default function WorkspaceDeletedPage() {
  return (
    <StatusPage code={410} title="Workspace deleted">
      <p>The workspace at this address was deleted, and its data erased. If you think this is a mistake, contact the person who ran it.</p>
      <a href={platformOrigin()} className="mt-6 inline-block font-semibold text-indigo-600 underline">
        Go to Waypoint
      </a>
    </StatusPage>
  );
}
