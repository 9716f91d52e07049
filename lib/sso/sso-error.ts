import { AppError } from '../http/problem.ts';

/** A refused SSO sign-in: shown to the person as a page (4xx), with a way back when the workspace is known. */
export class SsoSignInError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    /** The workspace's sign-in page, when the response told us which workspace it was for. */
    readonly signInUrl: string | null = null,
  ) {
    super(status, code, message);
  }
}
