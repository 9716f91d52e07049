import { platformRoute } from '@/lib/http/route';
import { startSignup } from '@/lib/signup/sign-up';

/** The sign-up form (posted by our own page): emails a link and answers "check your email", the same for every address. */
export const POST = platformRoute({ host: 'root', auth: 'none', sameOrigin: true, body: 'json' }, async ({ body, ip }) => Response.json(await startSignup(body, ip), { status: 202 }));
