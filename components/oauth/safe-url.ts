/**
 * A developer-supplied address, as a link target only when it is http(s): the service
 * validates them, and this keeps a javascript: or data: URL out of an href regardless.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
