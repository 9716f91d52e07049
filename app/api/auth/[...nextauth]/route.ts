import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptionsFor } from '@/lib/auth/auth-options';
import { clientIp } from '@/lib/auth/client-ip';
import { requestTenant } from '@/lib/http/wrappers';

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth runs per host: on a tenant host it signs in that tenant's members, on the root
// domain platform operators only. The client's IP and user agent go on the sessions it makes.
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  const client = { ip: clientIp(req.headers), userAgent: req.headers.get('user-agent') };
  return NextAuth(req, ctx, authOptionsFor(await requestTenant(req), client));
}

export { handler as GET, handler as POST };
