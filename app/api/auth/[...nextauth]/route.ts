import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFor } from '@/lib/auth/auth-options';
import { TENANT_ID_HEADER } from '@/lib/tenancy/headers';
import { getTenantById } from '@/lib/tenancy/tenant-cache';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth runs per host: on a tenant host it signs in that tenant's members, on the root
// domain platform operators only.
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  const id = req.headers.get(TENANT_ID_HEADER);
  const tenant = id ? await getTenantById(id) : null;
  return NextAuth(req, ctx, authOptionsFor(tenant));
}

export { handler as GET, handler as POST };
