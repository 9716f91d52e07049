import { platformRoute } from '@/lib/http/route';

const PLATFORM = {
  slug: null,
  name: 'Waypoint',
  branding: { primaryColor: '#4f46e5', secondaryColor: '#0f172a', accentColor: '#f59e0b', logoUrl: '/waypoint-icon.svg', faviconUrl: '/waypoint-icon.svg', terminology: {} },
};

/** Brand manifest of whoever this host belongs to (a workspace, or Waypoint on the root domain). */
export const GET = platformRoute({ host: 'any', auth: 'none' }, async ({ tenant }) => {
  const body = tenant
    ? {
        slug: tenant.slug,
        name: tenant.name,
        branding: {
          primaryColor: tenant.branding.primaryColor,
          secondaryColor: tenant.branding.secondaryColor,
          accentColor: tenant.branding.accentColor,
          logoUrl: tenant.branding.logoUrl,
          faviconUrl: tenant.branding.faviconUrl,
          terminology: tenant.branding.terminology,
        },
      }
    : PLATFORM;
  return Response.json(body, { headers: { 'cache-control': 'public, max-age=60' } });
});
