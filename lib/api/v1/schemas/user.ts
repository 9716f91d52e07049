import { z } from 'zod';
import type { Member } from '../../../auth/session.ts';
import { Role } from '../../../db/generated/enums.ts';
import type { TenantContext } from '../../../tenancy/tenant-context.ts';

export const MeResource = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(Role).meta({ description: "The person's role in the workspace; it caps what the key can do." }),
    workspace: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ description: 'The person the API key acts as (who created it) and its workspace.' });
export type MeResource = z.infer<typeof MeResource>;

export function toMeResource(member: Member, tenant: TenantContext): MeResource {
  return { id: member.userId, email: member.email, name: member.name, role: member.role, workspace: { slug: tenant.slug, name: tenant.name } };
}
