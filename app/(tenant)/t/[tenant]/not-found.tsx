import Link from 'next/link';

export default function TenantPageNotFound() {
  return (
    <section className="mx-auto max-w-md px-6 py-20 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand-text underline">
        Back to the home page
      </Link>
    </section>
  );
}
