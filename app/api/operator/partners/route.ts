import { z } from 'zod';
import { operatorRoute } from '@/lib/http/route';
import { listPartnersForOperator, parsePartnerStatusFilter } from '@/lib/partners/partners';

const querySchema = z.object({ status: z.string().max(20).optional() });

/** Every partner: applications first (oldest first), then the rest; ?status= filters. */
export const GET = operatorRoute({ query: querySchema }, async ({ query }) => Response.json({ partners: await listPartnersForOperator(parsePartnerStatusFilter(query.status)) }));
