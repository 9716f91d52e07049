import Link from 'next/link';

function Brand({ area }: { area?: string }) {
  return (
    <Link href={area === 'Operator' ? '/operator' : area === 'Reseller' ? '/reseller' : area === 'Partner' ? '/partner' : '/'} className="flex shrink-0 items-center gap-2 rounded-md text-lg font-bold whitespace-nowrap text-slate-900">
      <img src="/waypoint-icon.svg" alt="" width={28} height={28} />
      Waypoint
      {area ? <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">{area}</span> : null}
    </Link>
  );
}

export { Brand as PlatformBrand };

/** The root domain's public header. Its links never wrap, down to a 320 px screen. */
export function PlatformHeader() {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-4 sm:px-6">
        <Brand />
        <div className="flex min-w-0 items-center gap-3 text-sm font-medium whitespace-nowrap sm:gap-4">
          <Link href="/signin" className="rounded-md text-slate-700 hover:text-slate-900">
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
