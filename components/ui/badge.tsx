import { cva, type VariantProps } from 'class-variance-authority';
import type { HTMLAttributes } from 'react';
import { cn } from './cn';

// Colours chosen for ≥ 4.5:1 text contrast on their own backgrounds.
const badge = cva('inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium', {
  variants: {
    tone: {
      neutral: 'bg-slate-100 text-slate-700',
      brand: 'bg-brand/10 text-brand-text',
      success: 'bg-emerald-50 text-emerald-800',
      warning: 'bg-amber-50 text-amber-900',
      danger: 'bg-red-50 text-red-800',
      info: 'bg-sky-50 text-sky-800',
    },
  },
  defaultVariants: { tone: 'neutral' },
});

export type BadgeTone = NonNullable<VariantProps<typeof badge>['tone']>;

export function Badge({ tone, className, ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return <span className={cn(badge({ tone }), className)} {...props} />;
}
