import { emailBrand } from '../email-brand.ts';
import { renderEmail } from '../render-email.ts';
import type { EmailContent } from './email-content.ts';

export interface SignupEmailInput {
  workspaceName: string;
  confirmUrl: string;
  expiresAt: Date;
  /** The address already has a Waypoint account: the workspace goes to that account. */
  existingAccount: boolean;
}

/** The sign-up link. The form's answer is the same either way; only this email says which case it is. */
export function signupEmail({ workspaceName, confirmUrl, expiresAt, existingAccount }: SignupEmailInput): EmailContent {
  const hours = Math.max(1, Math.round((expiresAt.getTime() - Date.now()) / 3_600_000));
  const subject = existingAccount ? `Create ${workspaceName} with your Waypoint account` : `Confirm your email to create ${workspaceName}`;
  const paragraphs = existingAccount
    ? [
        `Someone (hopefully you) asked to create the workspace ${workspaceName} on Waypoint with this address. This address already has a Waypoint account, so the workspace will be added to it, and you will be its owner.`,
        'Your account keeps its password; the one typed in the sign-up form is not used.',
      ]
    : [`Someone (hopefully you) asked to create the workspace ${workspaceName} on Waypoint with this address. Confirm that the address is yours to create your account and the workspace.`];
  const rendered = renderEmail({
    brand: emailBrand(null),
    preview: existingAccount ? `Add ${workspaceName} to your Waypoint account.` : `Confirm your email to create ${workspaceName}.`,
    heading: existingAccount ? `Create ${workspaceName}` : 'Confirm your email',
    paragraphs: [...paragraphs, `The link works once and expires in ${hours} hours.`],
    action: { label: `Create ${workspaceName}`, url: confirmUrl },
    footnote: 'If you did not ask for this, ignore this email: nothing is created without this link.',
  });
  return { subject, ...rendered };
}
