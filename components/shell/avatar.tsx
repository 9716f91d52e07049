import { cn } from '@/components/ui/cn';

/** Up to two letters from a name (or an email's local part): "Ada Lovelace" → "AL". */
export function initials(nameOrEmail: string): string {
  const base = nameOrEmail.includes('@') && !nameOrEmail.includes(' ') ? nameOrEmail.split('@')[0]!.replace(/[._-]+/g, ' ') : nameOrEmail;
  const words = base.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!].map((w) => [...w][0]) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toUpperCase();
}

/** A round picture of a person, or their initials when they have none. Decorative: the name is always said next to it. */
export function Avatar({ name, url, className }: { name: string; url?: string | null; className?: string }) {
  return (
    <span aria-hidden className={cn('inline-flex size-8 shrink-0 items-center justify-center overflow-hidden rounded-full bg-slate-200 text-xs font-semibold text-slate-700', className)}>
      {url ? <img src={url} alt="" className="size-full object-cover" data-testid="avatar-image" /> : initials(name)}
    </span>
  );
}
