import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import { AppError, badRequest, parseInput } from '../problem.ts';
import { readBytes } from '../read-bytes.ts';
import { DEFAULT_MAX_BODY_BYTES, readJson } from '../read-json.ts';

// What a route reads from the request body, declared once in its spec:
//   'json'             any JSON (the service validates it), 415/413/400 for the wrong type, size or syntax
//   'optional-json'    the same, but no body at all (or an empty one) reads as {}
//   a zod schema       JSON checked against the schema (422 with a message per field)
//   { bytes, types }   raw bytes of one of the given media types (uploads); 415 otherwise
//   'form'             application/x-www-form-urlencoded fields
//   undefined          nothing is read

export type BodySpec = 'json' | 'optional-json' | 'form' | z.ZodType | { bytes: number; types: readonly string[] } | undefined;

export type ParsedBody<B extends BodySpec> = B extends 'json' | 'optional-json'
  ? unknown
  : B extends 'form'
    ? URLSearchParams
    : B extends { bytes: number }
      ? { bytes: Buffer; type: string }
      : B extends z.ZodType
        ? z.output<B>
        : undefined;

const FORM_MAX_BYTES = 16 * 1024;

function mediaType(req: NextRequest): string {
  return (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

export async function readRouteBody<B extends BodySpec>(req: NextRequest, spec: B, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<ParsedBody<B>> {
  if (spec === undefined) return undefined as ParsedBody<B>;
  if (spec === 'json') return (await readJson(req, maxBytes)) as ParsedBody<B>;
  if (spec === 'optional-json') {
    const bytes = await readBytes(req, maxBytes);
    if (bytes.length === 0) return {} as ParsedBody<B>;
    return (await readJson(new Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(bytes) }), maxBytes)) as ParsedBody<B>;
  }
  if (spec === 'form') {
    if (mediaType(req) !== 'application/x-www-form-urlencoded') throw new AppError(415, 'unsupported_media_type', 'Send the form as application/x-www-form-urlencoded.');
    const bytes = await readBytes(req, FORM_MAX_BYTES);
    return new URLSearchParams(bytes.toString('utf8')) as ParsedBody<B>;
  }
  if (typeof spec === 'object' && 'bytes' in spec) {
    const type = mediaType(req);
    if (!spec.types.includes(type)) throw new AppError(415, 'unsupported_media_type', `Send the file with its media type: one of ${spec.types.join(', ')}.`);
    const bytes = await readBytes(req, spec.bytes);
    if (bytes.length === 0) throw badRequest('The request body is empty.');
    return { bytes, type } as ParsedBody<B>;
  }
  return parseInput(spec as z.ZodType, await readJson(req, maxBytes)) as ParsedBody<B>;
}
