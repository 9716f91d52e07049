// Demo workspaces and logins, created by `npm start` (and the test harness) on every run.
// The README lists the same logins.

export const DEMO_PASSWORD = 'waypoint-demo';

export const DEMO_OPERATOR = { email: 'operator@waypoint.test', name: 'Platform Operator' };

export const DEMO_ROLES = ['owner', 'admin', 'member', 'viewer'] as const;

export interface DemoTenant {
  slug: string;
  name: string;
  status: 'active' | 'trial' | 'suspended';
  /** Acme uses every feature (custom domain, OAuth apps, webhooks); Globex shows a Pro workspace. */
  plan: 'free' | 'basic' | 'pro' | 'enterprise';
  branding: {
    primaryColor: string;
    secondaryColor: string;
    accentColor: string;
    logoUrl: string | null;
    faviconUrl: string | null;
    customCss: string | null;
    hidePoweredBy: boolean;
    supportEmail: string | null;
    terminology?: Record<string, string>;
  };
}

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme Coaching',
    status: 'active',
    plan: 'enterprise',
    branding: {
      primaryColor: '#e11d48',
      secondaryColor: '#111827',
      accentColor: '#f97316',
      logoUrl: '/brand/acme-logo.svg',
      faviconUrl: '/brand/acme-favicon.svg',
      customCss: 'main h1 { letter-spacing: -0.03em; }',
      hidePoweredBy: false,
      supportEmail: 'help@acme.test',
    },
  },
  {
    slug: 'globex',
    name: 'Globex Wellness',
    status: 'active',
    plan: 'pro',
    branding: {
      primaryColor: '#059669',
      secondaryColor: '#064e3b',
      accentColor: '#facc15',
      logoUrl: '/brand/globex-logo.svg',
      faviconUrl: '/brand/globex-favicon.svg',
      customCss: null,
      hidePoweredBy: true,
      supportEmail: 'support@globex.test',
      // Globex shows custom terminology: objectives and rituals instead of goals and habits.
      terminology: { goal: 'objective', goals: 'objectives', habit: 'ritual', habits: 'rituals' },
    },
  },
  {
    slug: 'initech',
    name: 'Initech',
    status: 'suspended',
    plan: 'free',
    branding: {
      primaryColor: '#2563eb',
      secondaryColor: '#1e293b',
      accentColor: '#a855f7',
      logoUrl: null,
      faviconUrl: null,
      customCss: null,
      hidePoweredBy: false,
      supportEmail: null,
    },
  },
];

export function demoEmail(role: string, slug: string): string {
  return `${role}@${slug}.test`;
}
