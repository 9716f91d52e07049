import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';
import { jobsBackend } from '@/lib/jobs/backend';
import { AppError, problemResponse } from '@/lib/http/problem';

// Inngest calls this route to register and run the functions. Without Inngest configured
// the jobs run on pg-boss inside the server, and this route has nothing to serve.

function notConfigured(request: Request): Response {
  return problemResponse(
    new AppError(404, 'inngest_not_configured', 'Inngest is not configured: jobs run on the PostgreSQL queue. Set INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (or INNGEST_DEV=1) to serve Inngest functions here.'),
    new URL(request.url).pathname,
  );
}

const inngestHandler = jobsBackend() === 'inngest' ? serve({ client: inngest, functions }) : null;

export const GET = inngestHandler?.GET ?? notConfigured;
export const POST = inngestHandler?.POST ?? notConfigured;
export const PUT = inngestHandler?.PUT ?? notConfigured;
