import { AppError } from '../http/problem.ts';

// The partner agreement, by version. A partner's owner accepts the current version (who and
// when are kept on the Partner row, and in the platform audit log); when a new version is
// added here, every partner must accept it again before it can submit or publish an app
// (assertAgreementCurrent). Versions are never edited once published: add a new one.

export interface AgreementVersion {
  /** A date-like id, e.g. 2026-12-01; stored on Partner.agreementVersion. */
  version: string;
  title: string;
  /** What changed since the previous version (shown when a partner must accept again). */
  changes: string | null;
  sections: { heading: string; body: string }[];
}

export const PARTNER_AGREEMENTS: readonly AgreementVersion[] = [
  {
    version: '2026-12-01',
    title: 'Waypoint Partner Agreement',
    changes: null,
    sections: [
      {
        heading: '1. Your apps',
        body: 'You may publish apps to the Waypoint marketplace that connect to workspaces through the Waypoint API, OAuth and webhooks. Each app and each new version is reviewed by the Waypoint team before it is published.',
      },
      {
        heading: '2. Workspace data',
        body: 'An app may only use the data a workspace consented to share, for the purpose described in its listing and scope justifications. You keep that data safe, delete it when the app is uninstalled and never sell it.',
      },
      {
        heading: '3. Your listing',
        body: 'Your listing, privacy policy and support contact are accurate and kept up to date. Workspaces can reach you at the support address in your profile.',
      },
      {
        heading: '4. Security',
        body: 'You keep client secrets and webhook signing secrets confidential, rotate them when they may have leaked, and tell the Waypoint team within 72 hours of a security incident that touches workspace data.',
      },
      {
        heading: '5. Review, suspension and removal',
        body: 'The Waypoint team may request changes, reject a version, deprecate or remove an app, or suspend a partner account that breaks this agreement. Removal revokes the app from every workspace; their admins are told first.',
      },
      {
        heading: '6. Changes to this agreement',
        body: 'When this agreement changes, you accept the new version before you submit or publish again. Apps already published keep working meanwhile.',
      },
    ],
  },
];

export const CURRENT_AGREEMENT: AgreementVersion = PARTNER_AGREEMENTS[PARTNER_AGREEMENTS.length - 1];

export function agreementVersion(version: string): AgreementVersion | null {
  return PARTNER_AGREEMENTS.find((agreement) => agreement.version === version) ?? null;
}

/** never: never accepted; outdated: accepted an older version; current: accepted this one. */
export type AgreementState = 'never' | 'outdated' | 'current';

export function agreementState(partner: { agreementVersion: string | null }): AgreementState {
  if (!partner.agreementVersion) return 'never';
  return partner.agreementVersion === CURRENT_AGREEMENT.version ? 'current' : 'outdated';
}

/**
 * Submitting and publishing an app need the current agreement accepted: 403
 * partner_agreement_required otherwise (an owner accepts it at /partner/agreement).
 */
export function assertAgreementCurrent(partner: { agreementVersion: string | null }): void {
  const state = agreementState(partner);
  if (state === 'current') return;
  throw new AppError(
    403,
    'partner_agreement_required',
    state === 'never'
      ? 'An owner of your partner account must accept the partner agreement first (Partner portal › Agreement).'
      : `The partner agreement changed (version ${CURRENT_AGREEMENT.version}): an owner of your partner account must accept it again first.`,
  );
}
