import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../lib/email/extract-links.ts';

describe('extractLinks', () => {
  it('finds each http(s) link once, without surrounding punctuation', () => {
    const text = 'Accept invitation: http://acme.localhost:3000/invite/abc_-1\n\nAgain: http://acme.localhost:3000/invite/abc_-1\n--\nPowered by Waypoint (https://waypoint.example)';
    expect(extractLinks(text)).toEqual(['http://acme.localhost:3000/invite/abc_-1', 'https://waypoint.example']);
  });

  it('ignores other schemes', () => {
    expect(extractLinks('javascript:alert(1) mailto:a@b.c ftp://x')).toEqual([]);
  });
});
