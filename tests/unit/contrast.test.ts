import { describe, expect, it } from 'vitest';
import { brandCss, brandVariables } from '../../lib/branding/brand-style.ts';
import {
  brandTextColor,
  contrastNotes,
  brandTextContrast,
  contrastRatio,
  focusRingColor,
  formatRatio,
  parseHex,
  readableForeground,
  relativeLuminance,
  tintOver,
  tintOverWhite,
} from '../../lib/branding/contrast.ts';

describe('WCAG contrast maths', () => {
  it('parses #rgb and #rrggbb, and nothing else', () => {
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('#E11D48')).toEqual([225, 29, 72]);
    expect(parseHex('red')).toBeNull();
    expect(parseHex('#12345')).toBeNull();
  });

  it('gives the relative luminance of the WCAG definition', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    // Mid grey #777: channel 119/255 → ((0.4667 + 0.055) / 1.055) ^ 2.4 = 0.1845.
    expect(relativeLuminance('#777777')).toBeCloseTo(0.1845, 4);
    // The green channel weighs most (0.7152), blue least (0.0722).
    expect(relativeLuminance('#00ff00')).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance('#0000ff')).toBeCloseTo(0.0722, 4);
  });

  it('computes contrast ratios the way WCAG checkers do', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2); // the classic near miss
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // the classic pass
    // Order does not matter.
    expect(contrastRatio('#e11d48', '#ffffff')).toBe(contrastRatio('#ffffff', '#e11d48'));
    expect(contrastRatio('#e11d48', '#ffffff')).toBeCloseTo(4.7, 1);
  });

  it('tints over white the way a browser composites bg-brand/10', () => {
    expect(tintOverWhite('#000000', 0.1)).toEqual([229.5, 229.5, 229.5]);
    expect(tintOverWhite('#ffffff', 0.5)).toEqual([255, 255, 255]);
  });

  it("measures acme's rose at 3.84:1 on its own tint over the page, as the issue found", () => {
    expect(formatRatio(contrastRatio('#e11d48', tintOver('#e11d48', 0.1, '#f8fafc')))).toBe('3.84:1');
    expect(formatRatio(contrastRatio('#e11d48', tintOverWhite('#e11d48')))).toBe('4.01:1');
    expect(brandTextContrast('#e11d48')).toBeLessThan(4.5);
  });
});

describe('brand colours that stay readable', () => {
  const samples = ['#e11d48', '#059669', '#2563eb', '#4f46e5', '#facc15', '#f97316', '#ffffff', '#000000', '#777777', '#0ff', '#ff00ff', '#111827'];

  it('picks a foreground of at least 4.5:1 for any background', () => {
    for (const color of samples) expect(contrastRatio(color, readableForeground(color))).toBeGreaterThanOrEqual(4.5);
    expect(readableForeground('#111827')).toBe('#ffffff');
    expect(readableForeground('#facc15')).toBe('#0f172a');
  });

  it('darkens the brand colour for text until it reads at 4.5:1 on white, the page and its tint over both', () => {
    for (const color of samples) {
      const text = brandTextColor(color);
      expect(brandTextContrast(text, color), `${color} → ${text}`).toBeGreaterThanOrEqual(4.5);
      expect(relativeLuminance(text)).toBeLessThanOrEqual(relativeLuminance(color));
    }
  });

  it('keeps a colour that already passes, and keeps the hue of one it adjusts', () => {
    expect(brandTextColor('#4f46e5')).toBe('#4f46e5');
    expect(brandTextColor('#111827')).toBe('#111827');
    const rose = parseHex(brandTextColor('#e11d48'))!;
    expect(rose).not.toEqual(parseHex('#e11d48'));
    // Still a red: red channel dominates, and only as dark as it needs to be (not black).
    expect(rose[0]).toBeGreaterThan(rose[1] * 3);
    expect(rose[0]).toBeGreaterThan(100);
    expect(brandTextContrast(brandTextColor('#e11d48'), '#e11d48')).toBeLessThan(5);
  });

  it('uses the brand colour for the focus ring when it stands out from white (3:1) and is not an error red, else a dark ring', () => {
    expect(focusRingColor('#4f46e5')).toBe('#4f46e5');
    expect(focusRingColor('#047857')).toBe('#047857');
    // acme's rose and pure reds would look like the red border of a field in error.
    expect(focusRingColor('#e11d48')).toBe('#0f172a');
    expect(focusRingColor('#dc2626')).toBe('#0f172a');
    expect(focusRingColor('#b45309')).toBe('#b45309');
    expect(focusRingColor('#facc15')).toBe('#0f172a');
    expect(focusRingColor('#fff')).toBe('#0f172a');
  });

  it('writes every variable into the tenant CSS', () => {
    const vars = brandVariables({ primaryColor: '#e11d48', secondaryColor: '#111827', accentColor: '#f97316' });
    expect(vars['--brand-primary-fg']).toBe('#ffffff');
    expect(vars['--brand-secondary-fg']).toBe('#ffffff');
    expect(vars['--brand-text']).toBe(brandTextColor('#e11d48'));
    const css = brandCss({ primaryColor: '#e11d48', secondaryColor: '#111827', accentColor: '#f97316' });
    expect(css).toMatch(/^:root\{--brand-primary:#e11d48;.*--brand-text:#[0-9a-f]{6};.*\}$/);
  });
});

describe("the branding editor's contrast notes", () => {
  it("warns that acme's rose is adjusted for text, with both ratios", () => {
    const notes = contrastNotes({ primaryColor: '#e11d48', secondaryColor: '#111827', accentColor: '#f97316' });
    const warnings = notes.filter((n) => n.level === 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('reads at only 3.84:1');
    expect(warnings[0]!.message).toContain(`darker ${brandTextColor('#e11d48')}`);
    expect(notes.find((n) => n.color === 'secondaryColor')!.message).toMatch(/^Header: white text on #111827, \d+\.\d\d:1\.$/);
    expect(notes.find((n) => n.color === 'primaryColor' && n.level === 'info' && n.message.includes('red that marks fields in error'))).toBeDefined();
  });

  it('says nothing alarming about a colour that passes, and warns about a pale one twice', () => {
    expect(contrastNotes({ primaryColor: '#4f46e5', secondaryColor: '#0f172a', accentColor: '#f59e0b' }).filter((n) => n.level === 'warning')).toEqual([]);
    const pale = contrastNotes({ primaryColor: '#fde68a', secondaryColor: '#0f172a', accentColor: '#f59e0b' }).filter((n) => n.level === 'warning');
    expect(pale.map((n) => n.message)).toEqual([expect.stringContaining('Links and brand-coloured text'), expect.stringContaining('focus ring will be dark')]);
  });

  it('ignores values that are not colours yet (being typed)', () => {
    expect(contrastNotes({ primaryColor: '#e1', secondaryColor: 'navy', accentColor: '' })).toEqual([]);
  });
});
