import { createTranslator } from 'next-intl';
import ar from '../../messages/ar/emailLayout.json';
import de from '../../messages/de/emailLayout.json';
import en from '../../messages/en/emailLayout.json';
import es from '../../messages/es/emailLayout.json';
import fr from '../../messages/fr/emailLayout.json';
import ja from '../../messages/ja/emailLayout.json';
import ptBR from '../../messages/pt-BR/emailLayout.json';
import type { Catalog } from '../i18n/catalog-types.ts';
import type { Language } from '../i18n/languages.ts';

// The email layout's own words (the link under the button, "Powered by"), read synchronously:
// renderEmail() is synchronous and many senders call it, so its few words are imported with
// the code rather than loaded like the rest of the catalogs (lib/i18n/messages.ts).

const LAYOUT: Record<Language, typeof en> = { en, de, fr, es, 'pt-BR': ptBR, ja, ar };

export interface EmailLayoutText {
  copyLink: string;
  poweredBy: string;
}

export function emailLayoutText(language: Language): EmailLayoutText {
  const t = createTranslator({ locale: language, messages: { emailLayout: LAYOUT[language] ?? en } as unknown as Catalog, namespace: 'emailLayout' });
  return { copyLink: t('copyLink'), poweredBy: t('poweredBy', { product: 'Waypoint' }) };
}
