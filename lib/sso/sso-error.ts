import type { ErrorCode, StatusOf } from '../http/error-codes.ts';
import { AppError } from '../http/problem.ts';

type SsoCode = Extract<ErrorCode, `sso_${string}` | 'workspace_unavailable'>;

/** A refused SSO sign-in: shown to the person as a page (4xx), with a way back when the workspace is known. */
export class SsoSignInError<C extends SsoCode = SsoCode> extends AppError<C> {
  constructor(
    status: StatusOf<C>,
    code: C,
    message: string,
    /** The workspace's sign-in page, when the response told us which workspace it was for. */
    readonly signInUrl: string | null = null,
  ) {
    super(status, code, message);
  }
}
