// Jackson throws JacksonError(message, statusCode, internalError); many messages are a generic
// "contact your administrator" with the real reason in internalError.

export interface JacksonFailure {
  status: number;
  message: string;
}

export function isJacksonError(error: unknown): error is Error & { statusCode: number; internalError?: string } {
  return error instanceof Error && error.name === 'JacksonError' && typeof (error as { statusCode?: unknown }).statusCode === 'number';
}

/** The most specific message of a JacksonError, or null for anything else. */
export function jacksonErrorMessage(error: unknown): string | null {
  if (!isJacksonError(error)) return null;
  return error.internalError || error.message;
}
