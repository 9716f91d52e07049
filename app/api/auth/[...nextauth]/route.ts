import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFor } from '@/lib/auth/auth-options';
import { requestTenant } from '@/lib/http/wrappers';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth runs per host: on a tenant host it signs in that tenant's members, on the root
// domain platform operators only.
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  return NextAuth(req, ctx, authOptionsFor(await requestTenant(req)));
}

export { handler as GET, handler as POST };
