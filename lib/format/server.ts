import { cache } from 'react';
import { getCurrentMember } from '../auth/session.ts';
import type { TenantContext } from '../tenancy/tenant-context.ts';
import { createFormatter, type FormatSettings, type Formatter } from './formatter.ts';
import { formatSettingsFor, type ReaderFormat } from './settings.ts';

// Member gains locale and timeZone from the account profile; read them by name so this works
// whether or not a given member row carries them.
function readerOf(member: object | null): ReaderFormat | null {
  if (!member) return null;
  const field = (key: string) => {
    const value = (member as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  };
  return { locale: field('locale'), timeZone: field('timeZone') };
}

/** Settings for the tenant layout's FormatProvider: the signed-in member's locale and zone over the workspace's. */
export const getFormatSettings = cache(async (tenant: TenantContext): Promise<FormatSettings> => formatSettingsFor(tenant, readerOf(await getCurrentMember(tenant))));

/** The formatter for server components of a tenant page: the same settings as the layout's provider. */
export const getFormatter = cache(async (tenant: TenantContext): Promise<Formatter> => createFormatter(await getFormatSettings(tenant)));
