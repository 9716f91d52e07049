// URLs the server itself calls (webhook endpoints, SAML metadata) are tenant-supplied and
// end up in logs, views and audit entries, so they must not carry credentials. Checked on
// what WHATWG parsing (the parser that sends the request) finds, not on the raw text:
// `http:/\user:pass@host/` and `http:\\user:pass@host/` parse as `http://user:pass@host/`.

export const URL_CREDENTIALS_MESSAGE = 'Remove the credentials (user name or password) from the URL.';

/** True when `value` parses as a URL with a user name or password; false for anything else. */
export function hasUrlCredentials(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.username !== '' || url.password !== '';
}
