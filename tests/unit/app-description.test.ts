import { describe, expect, it } from 'vitest';
import { renderAppDescription } from '../../lib/marketplace/app-description.ts';

// A partner's Markdown is shown in every workspace: nothing in it may run or load anything.

describe('app descriptions', () => {
  it('renders Markdown (headings, emphasis, lists, tables, links)', () => {
    const html = renderAppDescription('# Pulse\n\n**Fast** and *simple*.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[Docs](https://pulse.example.com/docs)');
    expect(html).toContain('<h1>Pulse</h1>');
    expect(html).toContain('<strong>Fast</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a rel="nofollow noopener ugc" href="https://pulse.example.com/docs">Docs</a>');
  });

  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<img src=x onerror=alert(1)>', '<img'],
    ['<iframe src="https://evil.test"></iframe>', '<iframe'],
    ['[click](javascript:alert(1))', 'javascript:'],
    ['[data](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html'],
    ['![tracker](https://evil.test/pixel.png)', '<img'],
    ['<a href="https://evil.test" onclick="x()">x</a>', 'onclick="'],
  ])('escapes or drops %s', (markdown, forbidden) => {
    expect(renderAppDescription(markdown)).not.toContain(forbidden);
  });
});
