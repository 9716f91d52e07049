import { requestPasswordReset } from '@/lib/auth/password-reset';
import { platformRoute } from '@/lib/http/route';
import { DEFAULT_LANGUAGE, languageFromAcceptLanguage } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';

/** { email }: "Forgot password?" on this host (a workspace, or the root domain). The same 202 for every address. */
export const POST = platformRoute({ host: 'any', auth: 'none', sameOrigin: true, body: 'json' }, async ({ tenant, body, ip, req }) => {
  // The page's language (the form sends it): the answer's sentence, and on the root domain the email.
  const language = languageFromAcceptLanguage(req.headers.get('accept-language')) ?? DEFAULT_LANGUAGE;
  const { message } = await requestPasswordReset(tenant, body, ip, language);
  return Response.json({ message: (await serverTextTranslator(language))(message) }, { status: 202 });
});
