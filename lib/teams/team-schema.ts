import { z } from 'zod';

// Input and response shapes of teams, their members and join requests. Shared by route
// handlers, services and client components (no server imports here).

export const teamVisibilitySchema = z.enum(['public', 'private'], { message: 'Choose public or private.' });
export const teamRoleSchema = z.enum(['lead', 'member'], { message: 'Choose lead or member.' });

const id = z.string({ message: 'Choose one.' }).trim().min(1, 'Choose one.').max(50, 'This id is too long.');
const name = z.string({ message: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(80, 'Use at most 80 characters.');
const description = z
  .string({ message: 'Enter text.' })
  .trim()
  .max(1000, 'Use at most 1000 characters.')
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();
const flag = z.boolean({ message: 'Use true or false.' });

export const createTeamSchema = z.object({
  name,
  description,
  visibility: teamVisibilitySchema.default('public'),
  joinApprovalRequired: flag.default(false),
  memberCanInvite: flag.default(false),
  /** A workspace member to add as the team's first lead; the creator is not added otherwise. */
  leadUserId: id.nullable().optional(),
});

export const updateTeamSchema = z
  .object({
    name: name.optional(),
    description,
    visibility: teamVisibilitySchema.optional(),
    joinApprovalRequired: flag.optional(),
    memberCanInvite: flag.optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: 'Change at least one field.' });

export const addTeamMemberSchema = z.object({ userId: id, role: teamRoleSchema.default('member') });
export const changeTeamMemberSchema = z.object({ role: teamRoleSchema });
export const decideJoinRequestSchema = z.object({ status: z.enum(['approved', 'rejected'], { message: 'Choose approved or rejected.' }) });

export type CreateTeamInput = z.input<typeof createTeamSchema>;
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

// Responses.

export const teamAccessSchema = z.object({
  /** edit settings, delete (workspace admins) */
  canEdit: z.boolean(),
  /** add or remove anyone, change roles, decide join requests (admins and leads) */
  canManageMembers: z.boolean(),
  /** add workspace members as team members (managers; members too when memberCanInvite) */
  canAddMembers: z.boolean(),
  /** what a join click does for this viewer right now; null when they cannot join */
  joinAction: z.enum(['join', 'request']).nullable(),
  canLeave: z.boolean(),
  /** team goals are visible to members and admins */
  canSeeGoals: z.boolean(),
});

export const teamSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  visibility: teamVisibilitySchema,
  joinApprovalRequired: z.boolean(),
  memberCanInvite: z.boolean(),
  memberCount: z.number().int(),
  myRole: teamRoleSchema.nullable(),
  /** id of the viewer's pending join request, if any */
  myPendingRequestId: z.string().nullable(),
  access: teamAccessSchema,
});

export const teamMemberSchema = z.object({ userId: z.string(), name: z.string(), email: z.string(), role: teamRoleSchema, joinedAt: z.string() });

export const joinRequestSchema = z.object({ id: z.string(), userId: z.string(), name: z.string(), email: z.string(), createdAt: z.string() });

export const teamDetailSchema = teamSummarySchema.extend({
  members: z.array(teamMemberSchema),
  /** pending requests; empty unless the viewer manages members */
  pendingRequests: z.array(joinRequestSchema),
});

export const joinResultSchema = z.object({ status: z.enum(['joined', 'requested']), team: teamDetailSchema });

export type TeamRole = z.infer<typeof teamRoleSchema>;
export type TeamAccess = z.infer<typeof teamAccessSchema>;
export type TeamSummary = z.infer<typeof teamSummarySchema>;
export type TeamDetail = z.infer<typeof teamDetailSchema>;
export type TeamMemberView = z.infer<typeof teamMemberSchema>;
export type JoinRequestView = z.infer<typeof joinRequestSchema>;
export type JoinResult = z.infer<typeof joinResultSchema>;
