import Link from 'next/link';

export default function TenantForbidden() {
  return (
    <section className="mx-auto max-w-md px-6 py-20 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">You do not have access to this page</h1>
      <p className="mt-2 text-slate-600">Your role in this workspace does not allow it. Ask an admin if you need access.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-text underline">
        Back to the dashboard
      </Link>
    </section>
  );
}
