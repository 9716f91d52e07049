import { platformOrigin } from '../config/env.ts';
import { emailBrand } from '../email/email-brand.ts';
import { formatDateTime } from '../email/format-date.ts';
import { renderEmail } from '../email/render-email.ts';
import { sendEmail, type Delivery } from '../email/send-email.ts';

// The partner program's emails: platform mail (Waypoint's brand, no workspace), sent after
// the change that triggers them has committed.

export function partnerSignInUrl(): string {
  return `${platformOrigin()}/partner/signin`;
}

export function partnerInvitationUrl(token: string): string {
  return `${platformOrigin()}/partner/welcome/${token}`;
}

async function send(to: string, kind: string, subject: string, content: Parameters<typeof renderEmail>[0]): Promise<Delivery> {
  const { delivery } = await sendEmail({ tenant: null, to, kind, subject, ...renderEmail(content) });
  return delivery;
}

/** The applicant confirms their address (and sets up their account) with this link. */
export function sendApplicationReceivedEmail(to: string, partnerName: string, token: string, expiresAt: Date): Promise<Delivery> {
  return send(to, 'partner_application', `Confirm your partner application for ${partnerName}`, {
    brand: emailBrand(null),
    preview: `We received the partner application of ${partnerName}.`,
    heading: 'Thanks for applying to the Waypoint partner program',
    paragraphs: [
      `We received the application of ${partnerName}. Confirm your email address and set up your account with the button below; the Waypoint team reviews applications within a few days and writes to you with the decision.`,
    ],
    action: { label: 'Confirm and set up your account', url: partnerInvitationUrl(token) },
    footnote: `This link expires on ${formatDateTime(expiresAt, 'UTC')}. If you did not apply, ignore this email.`,
  });
}

/** Someone was given access to a partner account: a sign-in link, or a link to set one up. */
export function sendPartnerAccessEmail(to: string, partnerName: string, invitedBy: string, role: string, grant: { token: string | null; expiresAt: Date | null }): Promise<Delivery> {
  return send(to, 'partner_invitation', `You now have access to ${partnerName} on Waypoint`, {
    brand: emailBrand(null),
    preview: `${invitedBy} gave you access to ${partnerName} on Waypoint.`,
    heading: `Work for ${partnerName} on Waypoint`,
    paragraphs: [
      `${invitedBy} added you to the partner account of ${partnerName} as ${role === 'owner' ? 'an owner' : `a ${role} contact`}.`,
      'In the partner portal you build and publish marketplace apps, try them in your sandbox workspace and follow their installs.',
    ],
    action: grant.token ? { label: 'Set up your account', url: partnerInvitationUrl(grant.token) } : { label: 'Sign in', url: partnerSignInUrl() },
    footnote: grant.token && grant.expiresAt ? `This link expires on ${formatDateTime(grant.expiresAt, 'UTC')}. If you were not expecting it, you can ignore this email.` : 'Sign in with your existing Waypoint email and password.',
  });
}

export type PartnerDecisionKind = 'approved' | 'rejected' | 'suspended' | 'reinstated';

/** The operator's decision, with its reason (always for a rejection or suspension). */
export function sendPartnerDecisionEmail(
  to: string,
  partner: { name: string },
  decision: PartnerDecisionKind,
  reason: string | null,
  setup: { token: string; expiresAt: Date } | null,
): Promise<Delivery> {
  const reasonLine = reason ? [`Reason: ${reason}`] : [];
  const content = {
    approved: {
      subject: `${partner.name} is now a Waypoint partner`,
      heading: 'Your partner application was approved',
      paragraphs: [
        `Welcome to the Waypoint partner program. ${partner.name} now has a partner portal and a sandbox workspace with demo data, where you install and try your apps before they are published.`,
        'Start by accepting the partner agreement, then create your first app.',
        ...reasonLine,
      ],
    },
    rejected: {
      subject: `Your Waypoint partner application for ${partner.name}`,
      heading: 'Your partner application was not accepted',
      paragraphs: [`We reviewed the partner application of ${partner.name} and cannot accept it at this time.`, ...reasonLine, 'You can reply to the Waypoint team if you have questions.'],
    },
    suspended: {
      subject: `${partner.name}'s Waypoint partner account is suspended`,
      heading: 'Your partner account is suspended',
      paragraphs: [
        `The Waypoint team suspended the partner account of ${partner.name}. You can still sign in and see your apps, but not submit or publish them.`,
        ...reasonLine,
      ],
    },
    reinstated: {
      subject: `${partner.name}'s Waypoint partner account is active again`,
      heading: 'Your partner account is active again',
      paragraphs: [`The Waypoint team reinstated the partner account of ${partner.name}.`, ...reasonLine],
    },
  }[decision];
  return send(to, `partner_${decision}`, content.subject, {
    brand: emailBrand(null),
    preview: content.heading,
    heading: content.heading,
    paragraphs: content.paragraphs,
    action: setup ? { label: 'Set up your account', url: partnerInvitationUrl(setup.token) } : { label: 'Open the partner portal', url: partnerSignInUrl() },
    footnote: setup ? `This link expires on ${formatDateTime(setup.expiresAt, 'UTC')}.` : undefined,
  });
}
