import { describe, expect, it } from 'vitest';
import { describeUserAgent, userAgentLabel } from '../../lib/auth/user-agent.ts';

const UA = {
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  edgeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 Edg/140.0.0.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0',
  safariIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  chromeAndroidPhone: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
  opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36 OPR/120.0.0.0',
};

describe('describeUserAgent', () => {
  it.each([
    [UA.chromeMac, 'Chrome on macOS', 'desktop'],
    [UA.edgeWindows, 'Edge on Windows', 'desktop'],
    [UA.firefoxLinux, 'Firefox on Linux', 'desktop'],
    [UA.safariIphone, 'Safari on iOS', 'mobile'],
    [UA.chromeAndroidPhone, 'Chrome on Android', 'mobile'],
    [UA.androidTablet, 'Chrome on Android', 'tablet'],
    [UA.ipad, 'Safari on iOS', 'tablet'],
    [UA.headless, 'Chrome on Linux', 'desktop'],
    [UA.opera, 'Opera on Windows', 'desktop'],
  ])('%s → %s (%s)', (ua, label, device) => {
    expect(userAgentLabel(ua)).toBe(label);
    expect(describeUserAgent(ua).device).toBe(device);
  });

  it('says what it does not know', () => {
    expect(userAgentLabel(null)).toBe('Unknown browser');
    expect(userAgentLabel('curl/8.5.0')).toBe('Unknown browser');
    expect(userAgentLabel('SomethingNew/1.0 (Linux)')).toBe('Unknown browser on Linux');
  });
});
