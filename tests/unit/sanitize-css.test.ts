import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_CSS_LENGTH, safeAssetUrl, safeColor, sanitizeCss } from '../../lib/branding/sanitize-css.ts';

describe('sanitizeCss', () => {
  it('keeps ordinary CSS', () => {
    const css = 'main h1 { letter-spacing: -0.03em; } .card > p { color: #333; }';
    expect(sanitizeCss(css)).toBe(css);
  });

  it('cannot close the style element', () => {
    const out = sanitizeCss('h1{color:red}</style><script>alert(1)</script>');
    expect(out).not.toMatch(/<\/?style/i);
    expect(out).not.toContain('<');
    expect(sanitizeCss('h1{color:red}\\3c/style\\3e<script>x</script>')).not.toContain('<');
  });

  it('drops @import, including escaped spellings', () => {
    expect(sanitizeCss('@import url("https://evil.test/x.css"); h1{color:red}')).toBe('h1{color:red}');
    expect(sanitizeCss("@import 'https://evil.test/x.css';")).toBe('');
    expect(sanitizeCss('@\\69mport "https://evil.test/x.css"; p{}')).not.toMatch(/import/i);
    expect(sanitizeCss('@IMPORT "x.css"; p{}')).not.toMatch(/import/i);
  });

  it('neutralizes remote url() but keeps same-origin paths and inline images', () => {
    expect(sanitizeCss('body{background:url(https://tracker.test/p.gif)}')).toBe('body{background:none}');
    expect(sanitizeCss('body{background:url("//tracker.test/p.gif")}')).toBe('body{background:none}');
    expect(sanitizeCss('body{background:u\\72l(http://tracker.test/p.gif)}')).toBe('body{background:none}');
    expect(sanitizeCss("body{background:url('/brand/bg.png')}")).toBe("body{background:url('/brand/bg.png')}");
    expect(sanitizeCss('body{background:url(data:image/png;base64,iVBORw0KGgo=)}')).toContain('data:image/png');
    expect(sanitizeCss('body{background:url(data:text/html;base64,PHNjcmlwdD4=)}')).toBe('body{background:none}');
  });

  it('neutralizes other ways to load or run things', () => {
    expect(sanitizeCss('div{background:image-set("https://t.test/a.png" 1x)}')).not.toMatch(/(^|[^-])image-set\(/);
    expect(sanitizeCss('div{width:expression(alert(1))}')).not.toMatch(/(^|[^-])expression\(/);
    expect(sanitizeCss('div{-moz-binding:url(x.xml#x)}')).not.toMatch(/(^|[^-])-moz-binding:/);
    expect(sanitizeCss('div{behavior:url(x.htc)}')).not.toMatch(/(^|[^-])behavior:/);
  });

  it('refuses an escaped protocol-relative URL however many times it is sanitized', () => {
    // CSS is sanitized on save and again on render, and the browser decodes it once more. Each
    // pass used to decode one layer of escapes, so seven backslashes were rendered as
    // url(/\/127.0.0.1:9999/x.png), which the browser reads as //127.0.0.1:9999/x.png.
    for (const css of [String.raw`body{background:url(/\/127.0.0.1:9999/x.png)}`, String.raw`body{background:url(/\\\\\\\/127.0.0.1:9999/x.png)}`]) {
      const stored = sanitizeCss(css);
      const rendered = sanitizeCss(stored);
      expect(stored).not.toMatch(/url\(|127\.0\.0\.1/i);
      expect(rendered).not.toMatch(/url\(|127\.0\.0\.1/i);
      expect(sanitizeCss(rendered)).toBe(rendered);
    }
  });

  it('caps the length', () => {
    expect(sanitizeCss('a'.repeat(MAX_CUSTOM_CSS_LENGTH + 500)).length).toBe(MAX_CUSTOM_CSS_LENGTH);
  });
});

describe('safeColor and safeAssetUrl', () => {
  it('accepts only hex colors', () => {
    expect(safeColor('#e11d48', '#000')).toBe('#e11d48');
    expect(safeColor('#abc', '#000')).toBe('#abc');
    expect(safeColor('red;}body{display:none', '#000')).toBe('#000');
    expect(safeColor(null, '#000')).toBe('#000');
  });

  it('accepts relative paths, https and inline images only', () => {
    expect(safeAssetUrl('/brand/logo.svg')).toBe('/brand/logo.svg');
    expect(safeAssetUrl('https://cdn.example.com/logo.png')).toBe('https://cdn.example.com/logo.png');
    expect(safeAssetUrl('data:image/png;base64,AAAA')).toBe('data:image/png;base64,AAAA');
    expect(safeAssetUrl('javascript:alert(1)')).toBeNull();
    expect(safeAssetUrl('http://insecure.example.com/logo.png')).toBeNull();
    expect(safeAssetUrl('//evil.example.com/logo.png')).toBeNull();
  });
});
