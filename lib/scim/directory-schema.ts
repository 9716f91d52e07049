import { z } from 'zod';

// The admin side of directory sync: what the settings page sends and sees.

export const SCIM_PROVIDERS = ['okta', 'azure', 'generic'] as const;
export type ScimProvider = (typeof SCIM_PROVIDERS)[number];

export const PROVIDER_LABELS: Record<ScimProvider, string> = { okta: 'Okta', azure: 'Microsoft Entra ID', generic: 'Generic SCIM 2.0' };

export const createDirectorySchema = z
  .object({
    name: z.string({ message: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.'),
    provider: z.enum(SCIM_PROVIDERS, { message: 'Choose Okta, Entra ID or generic SCIM 2.0.' }),
  })
  .strict();

export interface DirectoryView {
  id: string;
  name: string;
  provider: ScimProvider;
  /** What the identity provider needs: the SCIM base URL (the token is shown once, at creation and rotation). */
  scimBaseUrl: string;
  tokenHint: string;
  tokenRotatedAt: string | null;
  createdAt: string;
  users: { total: number; active: number; provisioned: number };
  groups: number;
  /** The last change a request of the directory made (users or groups). */
  lastSyncAt: string | null;
}

export interface DirectoryWithToken {
  directory: DirectoryView;
  token: string;
}

export interface SyncedUserView {
  id: string;
  userName: string;
  email: string | null;
  active: boolean;
  /** Whether the person is a member of the workspace now. */
  member: boolean;
  updatedAt: string;
}

export interface SyncedGroupView {
  id: string;
  displayName: string;
  members: number;
  team: { id: string; name: string } | null;
  updatedAt: string;
}

export interface DirectoryDetail {
  directory: DirectoryView;
  users: SyncedUserView[];
  groups: SyncedGroupView[];
}
