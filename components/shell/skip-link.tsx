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
      className="sr-only rounded-md bg-white text-sm font-semibold text-slate-900 shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:start-3 focus:z-[100] focus:px-4 focus:py-2"
    >
      {t('skipToContent')}
    </a>
  );
}

/** The id every page's main landmark carries, the skip link's target. */
export const MAIN_ID = 'main';
