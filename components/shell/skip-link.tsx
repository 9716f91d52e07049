import { useTranslations } from 'next-intl';

/**
 * The first focusable element of every page (app/layout.tsx): hidden until focused, it jumps
 * past the header to the page's <main id="main">.
 */
export function SkipLink() {
  const t = useTranslations('shell');
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:start-3 focus:z-[100]"
    >
      {t('skipToContent')}
    </a>
  );
}

/** The id every page's main landmark carries, the skip link's target. */
export const MAIN_ID = 'main';
