import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * A wide thing (usually a table) that scrolls sideways in its own box on a narrow screen,
 * so the page itself never does. Keyboard users can focus the box to scroll it (axe's
 * scrollable-region-focusable), and screen readers hear what it holds. It is positioned so that
 * absolutely positioned children (sr-only labels in far-right cells) are clipped with the rest
 * instead of widening the page.
 */
export function ScrollBox({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn('relative max-w-full overflow-x-auto rounded-sm', className)}>
      {children}
    </div>
  );
}
