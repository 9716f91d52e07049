import { jsonTextResponse } from '@/lib/api/v1/json-response';
import { buildOpenApiDocument } from '@/lib/api/v1/openapi';
import { platformRoute } from '@/lib/http/route';

// Public: the API's description, no key needed (so not an apiRoute). The document only
// changes with a deploy, so it is built once per process.
let built: string | undefined;

export const GET = platformRoute({ host: 'any', auth: 'none' }, async () => {
  built ??= JSON.stringify(buildOpenApiDocument());
  return jsonTextResponse(built, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
});
