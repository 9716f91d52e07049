/** The distinct http(s) links in a plain-text message, in order of appearance. */
export function extractLinks(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"'()]+/g) ?? [])];
}
