import { changePassword } from '@/lib/account/change-password';
import { clientIp } from '@/lib/auth/client-ip';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';

/** { currentPassword, newPassword }: changes the password and ends the account's other sessions. */
export const POST = withErrors(
  withMember('workspace.read', async (req, { tenant, member }) => {
    return Response.json(await changePassword(tenant, member, await readJson(req), clientIp(req.headers)));
  }),
);
