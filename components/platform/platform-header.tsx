import Link from 'next/link';

export function PlatformHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between px-6 py-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-slate-900">
          <img src="/waypoint-icon.svg" alt="" width={28} height={28} />
          Waypoint
        </Link>
        <div className="flex items-center gap-4 text-sm font-medium">
          <Link href="/signin" className="text-slate-700 hover:text-slate-900">
            Sign in
          </Link>
          <Link href="/signup" className="rounded-md bg-brand px-3 py-2 text-brand-fg hover:opacity-90">
            Create a workspace
          </Link>
        </div>
      </nav>
    </header>
  );
}
