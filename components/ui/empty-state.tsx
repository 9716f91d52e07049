import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from './cn';

/** What an empty list says: what would be here, and the one action that fills it. */
export function EmptyState({ icon: Icon, title, description, action, className }: { icon?: LucideIcon; title: string; description?: ReactNode; action?: ReactNode; className?: string }) {
  return (
    <div className={cn('flex flex-col items-center rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center', className)}>
      {Icon ? (
        <div className="mb-4 rounded-full bg-brand/10 p-3 text-brand-text">
          <Icon className="size-6" aria-hidden />
        </div>
      ) : null}
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {description ? <p className="mt-1 max-w-sm text-sm text-slate-600">{description}</p> : null}
      {action ? <div className="mt-5">{action}</div> : null}
    </div>
  );
}
