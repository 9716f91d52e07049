import type { Metadata } from 'next';
import { StatusPage } from '@/components/platform/status-page';
import { platformOrigin } from '@/lib/config/env';

export const metadata: Metadata = { title: 'Workspace not found' };

export default function WorkspaceNotFound() {
  return (
    <StatusPage code={404} title="Workspace not found">
      <p>There is no workspace at this address. Check the spelling, or ask your administrator for the right link.</p>
      <a href={platformOrigin()} className="mt-6 inline-block font-semibold text-indigo-600 underline">
        Go to Waypoint
      </a>
    </StatusPage>
  );
}
