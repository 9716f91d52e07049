import type { ReactNode } from 'react';

export function StatusPage({ code, title, children }: { code: number; title: string; children: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center bg-slate-50 px-6 focus:outline-none">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-slate-500">{code}</p>
        <h1 className="mt-2 text-3xl font-bold text-slate-900">{title}</h1>
        <div className="mt-4 text-slate-600">{children}</div>
      </div>
    </main>
  );
}
