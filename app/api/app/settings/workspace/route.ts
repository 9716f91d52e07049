import { platformOrigin } from '@/lib/config/env';
import { readJson } from '@/lib/http/read-json';
import { withMember } from '@/lib/http/with-member';
import { withErrors } from '@/lib/http/wrappers';
import { deleteWorkspace } from '@/lib/tenancy/tenant-settings';

export const DELETE = withErrors(
  withMember('tenant.delete', async (req, { tenant, member }) => {
    await deleteWorkspace(tenant, member, await readJson(req));
    return Response.json({ redirectTo: platformOrigin() });
  }),
);
