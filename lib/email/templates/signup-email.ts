import { DEFAULT_LANGUAGE, type Language } from '../../i18n/languages.ts';
import { translatorFor } from '../../i18n/translator.ts';
import { emailBrand } from '../email-brand.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface SignupEmailInput {
  workspaceName: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The address already has a Waypoint account: the workspace goes to that account. */
  existingAccount: boolean;
  /** The language of the sign-up page the person used; English when absent. */
  language?: Language;
}

/** The sign-up link. The form's answer is the same either way; only this email says which case it is. */
export async function signupEmail({ workspaceName, confirmUrl, expiresAt, existingAccount, language = DEFAULT_LANGUAGE }: SignupEmailInput): Promise<EmailContent> {
  const hours = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 3_600_000));
  const t = await translatorFor(language);
  const workspace = workspaceName;
  const subject = existingAccount ? t('email.signup.subjectExisting', { workspace }) : t('email.signup.subjectNew', { workspace });
  const paragraphs = existingAccount ? [t('email.signup.bodyExisting', { workspace }), t('email.signup.keepsPassword')] : [t('email.signup.bodyNew', { workspace })];
  const rendered = renderEmail({
    brand: emailBrand(null),
    language,
    preview: existingAccount ? t('email.signup.previewExisting', { workspace }) : t('email.signup.previewNew', { workspace }),
    heading: existingAccount ? t('email.signup.headingExisting', { workspace }) : t('email.signup.headingNew'),
    paragraphs: [...paragraphs, t('email.signup.expires', { hours })],
    action: { label: t('email.signup.action', { workspace }), url: confirmUrl },
    footnote: t('email.signup.footnote'),
  });
  return { subject, ...rendered };
}
