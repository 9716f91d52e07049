import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';
import { AppError } from '@/lib/http/problem';
import { platformRoute } from '@/lib/http/route';
import { jobsBackend } from '@/lib/jobs/backend';

// Inngest calls this route to register and run the functions (its handler checks the
// request's signature and reads the body itself). Without Inngest configured the jobs run on
// pg-boss inside the server, and this route has nothing to serve.

const inngestHandler = jobsBackend() === 'inngest' ? serve({ client: inngest, functions }) : null;

const handle = (method: 'GET' | 'POST' | 'PUT') =>
  platformRoute({ host: 'any', auth: 'signature', rawBody: true }, async ({ req }) => {
    if (!inngestHandler) {
      throw new AppError(404, 'inngest_not_configured', 'Inngest is not configured: jobs run on the PostgreSQL queue. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1) to serve Inngest functions here.');
    }
    // The second argument is where a Next 12 API response would be; route handlers have none.
    return inngestHandler[method](req, undefined);
  });

export const GET = handle('GET');
export const POST = handle('POST');
export const PUT = handle('PUT');
