import { platformRoute } from '@/lib/http/route';
import { DEFAULT_LANGUAGE, languageFromAcceptLanguage } from '@/lib/i18n/languages';
import { serverTextTranslator } from '@/lib/i18n/server-text';
import { startSignup } from '@/lib/signup/sign-up';

/** The sign-up form (posted by our own page): emails a link and answers "check your email", the same for every address. */
export const POST = platformRoute({ host: 'root', auth: 'none', sameOrigin: true, body: 'json' }, async ({ body, ip, req }) => {
  // The sign-up page's language (the form sends it): the answer's sentence and the email.
  const language = languageFromAcceptLanguage(req.headers.get('accept-language')) ?? DEFAULT_LANGUAGE;
  const started = await startSignup(body, ip, language);
  return Response.json({ ...started, message: (await serverTextTranslator(language))(started.message) }, { status: 202 });
});
