import Link from 'next/link';
import { StatusPage } from '@/components/platform/status-page';

export default function NotFound() {
  return (
    <StatusPage code={404} title="Page not found">
      <p>There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-indigo-600 underline">
        Go to the home page
      </Link>
    </StatusPage>
  );
}
