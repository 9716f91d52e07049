import { z } from 'zod';

export const roleSchema = z.enum(['owner', 'admin', 'member', 'viewer'], { message: 'Choose owner, admin, member or viewer.' });

export const changeRoleSchema = z.object({ role: roleSchema });

export const memberListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
});

export const transferOwnershipSchema = z.object({ membershipId: z.string().min(1, 'Choose the new owner.').max(50) });

export interface MemberRow {
  membershipId: string;
  userId: string;
  email: string;
  name: string | null;
  role: z.infer<typeof roleSchema>;
  joinedAt: string;
}
