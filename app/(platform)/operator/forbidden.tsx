import Link from 'next/link';

export default function OperatorForbidden() {
  return (
    <section className="mx-auto max-w-md px-6 py-16 text-center">
      <p className="text-sm font-semibold text-slate-500">403</p>
      <h1 className="mt-2 text-2xl font-bold text-slate-900">Your platform role does not allow this page</h1>
      <p className="mt-2 text-slate-600">Ask a platform owner if you need it.</p>
      <Link href="/operator" className="mt-6 inline-block font-semibold text-brand-text underline">
        Back to workspaces
      </Link>
    </section>
  );
}
