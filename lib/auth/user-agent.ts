// A short, human description of a browser from its User-Agent header, for the list of a
// person's sessions ("Firefox on Windows"). Only the common browsers and systems are named;
// anything else is described as what it is not sure about. Order matters: Edge and Opera
// also say "Chrome", Chrome also says "Safari".

export type DeviceType = 'desktop' | 'mobile' | 'tablet';

export interface BrowserDescription {
  browser: string | null;
  os: string | null;
  device: DeviceType;
}

const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

function first(table: [RegExp, string][], ua: string): string | null {
  return table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;
}

export function describeUserAgent(userAgent: string | null | undefined): BrowserDescription {
  const ua = (userAgent ?? '').slice(0, 512);
  const device: DeviceType = /\biPad\b|\bTablet\b|Android(?!.*\bMobile\b)/.test(ua) ? 'tablet' : /\bMobi|\biPhone\b|\biPod\b/.test(ua) ? 'mobile' : 'desktop';
  return { browser: first(BROWSERS, ua), os: first(SYSTEMS, ua), device };
}

/** "Chrome on macOS", "Firefox", "Unknown browser on Linux", "Unknown browser". */
export function userAgentLabel(userAgent: string | null | undefined): string {
  const { browser, os } = describeUserAgent(userAgent);
  return `${browser ?? 'Unknown browser'}${os ? ` on ${os}` : ''}`;
}
