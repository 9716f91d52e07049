import { redirect } from 'next/navigation';
import { getCurrentOperator, type SignedInOperator } from './session.ts';

/** The operator console's own Security page, where staff turn 2FA on. */
export const OPERATOR_ENROL_PATH = '/operator/account/security?enrol=required';

/**
 * For operator pages: the signed-in member of the platform's staff (else to the operator
 * sign-in). Staff without 2FA are sent to turn it on first, except on the pages that doing so
 * needs (`twoFactorOptional`).
 */
export async function requireOperator(options: { twoFactorOptional?: boolean } = {}): Promise<SignedInOperator> {
  const operator = await getCurrentOperator();
  if (!operator) redirect('/operator/signin');
  if (!operator.twoFactor && !options.twoFactorOptional) redirect(OPERATOR_ENROL_PATH);
  return operator;
}
