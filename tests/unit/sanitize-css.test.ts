import { ident, tokenize, tokenTypes, url as cssUrl, walk } from 'css-tree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAssetUrl, safeColor } from '../../lib/branding/safe-values.ts';
import { MAX_CUSTOM_CSS_LENGTH, cleanCss, parseCss, sanitizeCss } from '../../lib/branding/sanitize-css.ts';

const ASSET = '/api/assets/cm0abcdef1234567890xyz';

/** What the admin's CSS becomes after saving (one pass) and rendering (a second pass). */
function rendered(css: string): string {
  return sanitizeCss(sanitizeCss(css));
}

describe('sanitizeCss', () => {
  it('keeps ordinary CSS, written out one declaration a line', () => {
    expect(sanitizeCss('main h1 { letter-spacing: -0.03em; } .card > p { color: #333; }')).toBe('main h1 {\n  letter-spacing: -0.03em;\n}\n\n.card > p {\n  color: #333;\n}');
    const css = [
      ':root {\n  --brand-radius: 12px;\n}',
      '.btn:hover, a:focus-visible {\n  background: linear-gradient(to right, #4f46e5, oklch(70% 0.1 250/50%));\n  border-radius: var(--brand-radius, 8px) !important;\n  transition: opacity 0.2s cubic-bezier(0.2, 0, 0, 1);\n}',
      '@media (max-width:640px) {\n  header nav > a + a {\n    margin-inline-start: calc(1rem + 2px);\n  }\n}',
      '@keyframes pulse {\n  from {\n    opacity: 0.5;\n  }\n  to {\n    transform: scale(1.05) rotate(2deg);\n  }\n}',
      '.card {\n  font: italic 600 1rem/1.5 "Inter", system-ui, sans-serif;\n  &:hover {\n    box-shadow: 0 1px 2px rgb(0 0 0/20%);\n  }\n}',
    ].join('\n\n');
    expect(sanitizeCss(css)).toBe(css);
    expect(cleanCss(css).removed).toEqual([]);
  });

  it('refuses an escaped protocol-relative URL however many times it is sanitized', () => {
    // CSS is sanitized on save and again on render, and the browser decodes it once more. Each
    // pass used to decode one layer of escapes, so seven backslashes were rendered as
    // url(/\/127.0.0.1:9999/x.png), which the browser reads as //127.0.0.1:9999/x.png.
    for (const css of [String.raw`body{background:url(/\/127.0.0.1:9999/x.png)}`, String.raw`body{background:url(/\\\\\\\/127.0.0.1:9999/x.png)}`]) {
      const stored = sanitizeCss(css);
      const twice = sanitizeCss(stored);
      expect(stored).not.toMatch(/url\(|127\.0\.0\.1/i);
      expect(twice).not.toMatch(/url\(|127\.0\.0\.1/i);
      expect(sanitizeCss(twice)).toBe(twice);
    }
  });

  it('keeps url() only for this workspace’s uploaded images', () => {
    expect(sanitizeCss(`body{background:url(${ASSET}) no-repeat}`)).toBe(`body {\n  background: url(${ASSET}) no-repeat;\n}`);
    expect(sanitizeCss(`body{background:URL( "${ASSET}" )}`)).toBe(`body {\n  background: url(${ASSET});\n}`);
    for (const url of [
      'https://tracker.test/p.gif',
      '//tracker.test/p.gif',
      '"//tracker.test/p.gif"',
      String.raw`/\tracker.test/p.gif`,
      String.raw`/\\tracker.test/p.gif`,
      String.raw`\2f\2f tracker.test/p.gif`,
      String.raw`https\3a //tracker.test/p.gif`,
      'data:image/png;base64,iVBORw0KGgo=',
      '#filter',
      '/brand/bg.png',
      `${ASSET}/../../x`,
      `${ASSET}?x=1`,
      '/api/assets/UPPERCASE123',
      'javascript:alert(1)',
    ]) {
      expect(rendered(`body{color:red;background:url(${url})}`), url).toBe('body {\n  color: red;\n}');
    }
  });

  it('sees through escaped, uppercase and commented spellings of url()', () => {
    for (const value of [
      String.raw`u\72l(//tracker.test/x)`,
      String.raw`\75rl(//tracker.test/x)`,
      String.raw`\55 RL("//tracker.test/x")`,
      'URL(//tracker.test/x)',
      'url( "//tracker.test/x" )',
      "url('//tracker.test/x')",
      'url(/*c*/ //tracker.test/x)',
      'url(//tracker.test/x /*c*/)',
      'url(//tracker.test/a b)', // a bad-url token
      'url(//tracker.test/a"b)',
      'url(//tracker.test/x',
    ]) {
      expect(rendered(`a{color:red;background:${value}}`), value).toBe('a {\n  color: red;\n}');
    }
  });

  it('sanitizes custom properties like any other value, however var() is nested', () => {
    const css = '.x{--ok:4px;--bad:url(//evil.test/x);--nested:var(--a,var(--b,url(//evil.test/y)));--image:image-set("//evil.test/z" 1x);background:var(--bad)}';
    expect(rendered(css)).toBe('.x {\n  --ok: 4px;\n  background: var(--bad);\n}');
    expect(cleanCss(css).removed).toEqual(['--bad:url(//evil.test/x)', '--nested:var(--a,var(--b,url(//evil.test/y)))', '--image:image-set("//evil.test/z"1x)']);
  });

  it('cannot close the style element, and keeps "<" in strings as an escape', () => {
    for (const css of ['h1{color:red}</style><script>alert(1)</script>', 'h1{color:red}<!--', 'h1{color:red;x:</style>}', String.raw`.a\<b{color:red}h1{color:red}`]) {
      const out = rendered(css);
      expect(out, css).not.toContain('<');
      expect(out, css).toContain('h1 {\n  color: red;\n}');
    }
    expect(sanitizeCss('a::before{content:"</style>"}')).toBe(String.raw`a::before {` + '\n  content: "\\3c /style>";\n}');
    expect(sanitizeCss(String.raw`a::before{content:"\3c/style\3e"}`)).toBe(String.raw`a::before {` + '\n  content: "\\3c /style>";\n}');
    expect(sanitizeCss('[title="<"]{color:red}')).toBe('[title="\\3c "] {\n  color: red;\n}');
  });

  it('drops @import, @font-face and other at-rules, however they are spelled', () => {
    const css = String.raw`@import url("https://evil.test/x.css"); @\69mport "https://evil.test/x.css"; @IMPORT 'x.css'; @namespace svg url(x); @charset "utf-8"; @font-face{font-family:x;src:url(//evil.test/f.woff)} @page{margin:0} @property --x{syntax:"*"} @unknown x{} h1{color:red}`;
    expect(rendered(css)).toBe('h1 {\n  color: red;\n}');
    expect(cleanCss(css).removed).toEqual(['@import', '@import', '@import', '@namespace', '@charset', '@font-face', '@page', '@property', '@unknown']);
  });

  it('keeps @media, @supports, @container, @layer and @keyframes, and cleans inside them', () => {
    const css = '@layer base, brand; @layer brand{@media (min-width:1px){a{color:red;background:url(//x)}}} @supports (display:grid){a{display:grid}} @container card (min-width:400px){a{gap:1rem}} @keyframes k{from{opacity:0;behavior:url(x)}}';
    expect(rendered(css)).toBe(
      '@layer base, brand;\n\n@layer brand {\n  @media (min-width:1px) {\n    a {\n      color: red;\n    }\n  }\n}\n\n@supports (display:grid) {\n  a {\n    display: grid;\n  }\n}\n\n@container card (min-width:400px) {\n  a {\n    gap: 1rem;\n  }\n}\n\n@keyframes k {\n  from {\n    opacity: 0;\n  }\n}',
    );
  });

  it('allows only the properties a brand needs, and no function that can fetch or run code', () => {
    for (const declaration of [
      'behavior:url(x.htc)',
      '-moz-binding:url(x.xml#x)',
      String.raw`-moz-b\69nding:url(x.xml#x)`,
      'src:url(x)',
      'mask-image:url(x)',
      'width:expression(alert(1))',
      String.raw`width:expr\65ssion(alert(1))`,
      'background:image-set("x.png" 1x)',
      'background:-webkit-image-set("x.png" 1x)',
      'background:cross-fade(red, blue)',
      'background:element(#x)',
      'background:paint(x)',
      'content:attr(data-x url)',
      'list-style:src("x.png")',
      'color:red!ie',
    ]) {
      expect(rendered(`a{color:red;${declaration}}`), declaration).toBe('a {\n  color: red;\n}');
    }
    expect(sanitizeCss('A{COLOR:RED;-webkit-font-smoothing:antialiased;-webkit-transition:opacity 1s}')).toBe('A {\n  color: RED;\n  -webkit-font-smoothing: antialiased;\n  -webkit-transition: opacity 1s;\n}');
    expect(sanitizeCss(String.raw`a{c\6flor:red}`)).toBe('a {\n  color: red;\n}');
  });

  it('drops what it cannot read, and keeps what follows', () => {
    // A stray "}" spoils the next rule in browsers too.
    expect(rendered('a{color:red}}b{color:blue} ::part(x){color:red} c{color:green')).toBe('a {\n  color: red;\n}\n\nc {\n  color: green;\n}');
    expect(sanitizeCss('/* a comment */ /*! kept? no */ a{color:red /* x */}')).toBe('a {\n  color: red;\n}');
    expect(sanitizeCss('   ')).toBe('');
    expect(sanitizeCss(null)).toBe('');
  });

  it('says what it removed', () => {
    expect(cleanCss('@import "x.css"; a{color:red;behavior:url(x.htc);background:url(//evil.test/p.gif)}').removed).toEqual(['@import', 'behavior:url(x.htc)', 'background:url(//evil.test/p.gif)']);
  });

  it('does not hang on a stray bracket after a longer style sheet (a css-tree 3.2.1 bug)', () => {
    // Unpadded, this pair made css-tree loop forever (its token buffers outlive each parse).
    sanitizeCss('('.repeat(200));
    expect(sanitizeCss('())(a{color:red}')).toBe('');
    expect(sanitizeCss('a{color:red}}) b{color:blue}')).toBe('a {\n  color: red;\n}');
  });

  it('keeps the result within the length limit, whole rules only', () => {
    const rule = (i: number) => `.rule-${i}{color:red}`;
    const long = Array.from({ length: 2000 }, (_, i) => rule(i)).join('');
    const result = cleanCss(long);
    expect(result.overLimit).toBe(true);
    expect(result.css.length).toBeLessThanOrEqual(MAX_CUSTOM_CSS_LENGTH);
    expect(result.css.endsWith('}')).toBe(true);
    expect(cleanCss(result.css)).toEqual({ css: result.css, removed: [], overLimit: false });
  });
});

// Random style sheets: real CSS grammar (rules, at-rules, declarations, values) mixed with the
// pieces attacks are made of (escapes, quotes, comments, "<", URLs, stray brackets) and
// random Unicode.
const selector = fc.constantFrom('a', 'h1', '.card', '#main', '*', 'main > p', 'a + b', 'a:hover', '&:focus', ':not(.x)', '[data-x="<"]', '.md\\:flex', 'a::before', ':root', 'A\\3c B', ':nth-child(2n+1)', '::part(x)');
const property = fc.constantFrom('color', 'background', 'background-image', 'COLOR', 'c\\6flor', 'b\\61 ckground', '--x', '--y', '--\\<', 'behavior', '-moz-binding', '-m\\6fz-binding', 'src', 'content', 'list-style', 'cursor', 'mask', 'font-family', 'width', 'transform');
const url = fc.constantFrom('//evil.test/x', '/\\/evil.test/x', '/\\\\evil.test/x', '\\2f\\2f evil.test/x', 'https://evil.test/x', 'https\\3a //evil.test/x', 'javascript:alert(1)', 'data:image/png;base64,AA', '/api/assets/abcdefghij12', '/api/assets/abcdefghij12/../x', '#x', '/brand/x.png');
const value = fc.oneof(
  fc.constantFrom('red', '#fff', '1px', '-0.5em', '50%', '"</style>"', "'\\3c /style>'", '"\\"', 'calc(100% - 2px)', 'var(--x)', 'var(--x, var(--y))', 'rgb(0 0 0 / 50%)', 'linear-gradient(red, blue)', 'expression(alert(1))', 'image-set("//evil.test/x" 1x)', 'attr(x url)', 'src("//evil.test/x")', 'javascript:alert(1)', '!important', '!ie', 'inherit'),
  url.map((u) => `url(${u})`),
  url.map((u) => `url( "${u}" )`),
  url.map((u) => `u\\72l(${u})`),
  url.map((u) => `\\75rl('${u}')`),
  url.map((u) => `URL(/**/${u})`),
  url.map((u) => `var(--x, url(${u}))`),
);
const declaration = fc.tuple(property, fc.array(value, { minLength: 1, maxLength: 3 })).map(([p, v]) => `${p}:${v.join(' ')}`);
const rule = fc.tuple(selector, fc.array(declaration, { maxLength: 4 })).map(([s, d]) => `${s}{${d.join(';')}}`);
const atRule = fc.oneof(
  fc.tuple(fc.constantFrom('@media (min-width:1px)', '@supports (display:grid)', '@layer x', '@container (min-width:1px)', '@keyframes k', '@font-face', '@page', '@\\69mport', '@IMPORT', '@\\6d edia screen'), fc.array(rule, { maxLength: 2 })).map(([a, r]) => `${a}{${r.join('')}}`),
  url.map((u) => `@import url(${u});`),
  url.map((u) => `@import "${u}";`),
);
const piece = fc.constantFrom('{', '}', ';', ':', '(', ')', ',', ' ', '\n', '"', "'", '\\', '\\\\', '/*', '*/', '<', '</style>', '<!--', '-->', '>', '@', 'url(', '//', '\\/', '\\3c ', '\\2f ', '\\75 ', '\\0', '\\\n', '&', '!important');
const css = fc
  .array(fc.oneof({ weight: 3, arbitrary: rule }, { weight: 1, arbitrary: atRule }, { weight: 1, arbitrary: declaration }, { weight: 2, arbitrary: piece }, { weight: 1, arbitrary: value }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }), { maxLength: 14 })
  .map((parts) => parts.join(''));

const ALLOWED_AT_RULES = new Set(['media', 'supports', 'container', 'layer', 'keyframes', '-webkit-keyframes']);
const FORBIDDEN_FUNCTIONS = new Set(['url', 'src', 'image', 'image-set', '-webkit-image-set', 'cross-fade', '-webkit-cross-fade', 'element', '-moz-element', 'paint', 'attr', 'expression']);
const FORBIDDEN_PROPERTIES = new Set(['behavior', '-moz-binding', 'src', 'mask', 'mask-image']);

/** Everything that would let the output fetch something, run something, or leave its <style>. */
function unsafeParts(out: string): string[] {
  const found: string[] = [];
  if (out.includes('<')) found.push('"<"');
  // Token by token, as a browser reads it. A function name with escapes is where css-tree and
  // browsers disagree (u\72l( is a URL to a browser), so none may be written.
  tokenize(out, (type, start, end) => {
    const token = out.slice(start, end);
    if (type === tokenTypes.Url && !/^\/api\/assets\/[a-z0-9]{10,40}$/.test(cssUrl.decode(token))) found.push(token);
    if (type === tokenTypes.BadUrl || type === tokenTypes.BadString) found.push(token);
    if (type === tokenTypes.Function && (token.includes('\\') || FORBIDDEN_FUNCTIONS.has(token.slice(0, -1).toLowerCase()))) found.push(token);
    if (type === tokenTypes.AtKeyword && !ALLOWED_AT_RULES.has(ident.decode(token.slice(1)).toLowerCase())) found.push(token);
  });
  walk(parseCss(out), (node) => {
    if (node.type === 'Raw') found.push(`unparsed ${node.value}`);
    if (node.type === 'Url' && !/^\/api\/assets\/[a-z0-9]{10,40}$/.test(node.value)) found.push(node.value);
    if (node.type === 'Declaration' && FORBIDDEN_PROPERTIES.has(ident.decode(node.property).toLowerCase())) found.push(node.property);
  });
  return found;
}

describe('sanitizeCss properties (fast-check, 2,000 style sheets each)', () => {
  it('is idempotent: sanitizing its own output changes nothing', () => {
    fc.assert(
      fc.property(css, (input) => {
        const once = sanitizeCss(input);
        expect(sanitizeCss(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is safe: the output holds no URL but an uploaded asset, no @import, no "<", no forbidden function or property', () => {
    fc.assert(
      fc.property(css, (input) => {
        expect(unsafeParts(sanitizeCss(input))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds what it is looking for (the checks above can fail)', () => {
    const found = unsafeParts(String.raw`@import "x";a{background:u\72l(//evil.test/x);behavior:x;list-style:url(//evil.test/y)}b{content:"<"}`);
    expect(found).toEqual(expect.arrayContaining(['"<"', '@import', 'u\\72l(', 'url(//evil.test/y)', 'behavior']));
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
    // Browsers read both of these as //evil.example.com/logo.png.
    expect(safeAssetUrl('/\\evil.example.com/logo.png')).toBeNull();
    expect(safeAssetUrl('/\t/evil.example.com/logo.png')).toBeNull();
  });
});
