import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getCurrentMember } from '../auth/session.ts';
import { getCurrentTenant } from '../tenancy/current-tenant.ts';
import { chooseLanguage } from './choose-language.ts';
import { messagesFor } from './messages.ts';
import { messageFallback, reportIntlError } from './report-missing.ts';

// next-intl's request configuration (next.config.mjs points its plugin here). Waypoint has
// no locale in its URLs: a workspace's pages are at the workspace's own address, so the
// language comes from who is asking (lib/i18n/choose-language.ts).

export default getRequestConfig(async () => {
  const tenant = await getCurrentTenant();
  const member = tenant ? await getCurrentMember(tenant) : null;
  const language = chooseLanguage({ memberLocale: member?.locale, workspaceLocale: tenant?.locale, acceptLanguage: (await headers()).get('accept-language') });
  return {
    locale: language,
    messages: await messagesFor(language, tenant?.branding ?? null),
    timeZone: tenant?.timeZone ?? 'UTC',
    onError: reportIntlError,
    getMessageFallback: messageFallback,
  };
});
