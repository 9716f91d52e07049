'use client';

import { X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Dialog as D } from 'radix-ui';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

/**
 * A modal panel: focus is trapped and returned, Escape closes it, the title names it for screen
 * readers. side="right" makes it a side sheet (forms that want room), full height on a phone;
 * side="left" is the navigation sheet of the menu button. Both follow the reading direction:
 * "right" is the end side and "left" the start side, so they swap in a right-to-left language.
 */
export function DialogContent({
  title,
  description,
  children,
  className,
  side = 'center',
  ...props
}: Omit<ComponentProps<typeof D.Content>, 'title'> & { title: ReactNode; description?: ReactNode; side?: 'center' | 'right' | 'left' }) {
  const t = useTranslations('common');
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <D.Content
        className={cn(
          'fixed z-50 flex max-h-[100dvh] flex-col overflow-y-auto bg-white p-6 shadow-xl outline-none',
          side === 'center'
            ? 'left-1/2 top-1/2 w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-lg'
            : side === 'right'
              ? 'inset-y-0 end-0 w-full max-w-md sm:border-s sm:border-slate-200'
              : 'inset-y-0 start-0 w-[min(20rem,calc(100vw-3rem))] border-e border-slate-200',
          className,
        )}
        {...(description ? {} : { 'aria-describedby': undefined })}
        {...props}
      >
        <div className="mb-4 flex items-start justify-between gap-4">
          <div>
            <D.Title className="text-lg font-semibold text-slate-900">{title}</D.Title>
            {description ? <D.Description className="mt-1 text-sm text-slate-600">{description}</D.Description> : null}
          </div>
          <D.Close className="-m-1 rounded-md p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900" aria-label={t('close')}>
            <X className="size-5" aria-hidden />
          </D.Close>
        </div>
        {children}
      </D.Content>
    </D.Portal>
  );
}

export function DialogFooter({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn('mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)}>{children}</div>;
}
