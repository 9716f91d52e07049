import { forbidden } from 'next/navigation';

// proxy.ts rewrites requests for suspended or canceled workspaces here.
export default function WorkspaceSuspendedPage() {
  forbidden();
}
