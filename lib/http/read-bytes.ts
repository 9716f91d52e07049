import { AppError } from './problem.ts';

/** Reads a raw request body up to maxBytes (413 beyond, also when Content-Length lies). */
export async function readBytes(req: Request, maxBytes: number): Promise<Buffer> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw new AppError(413, 'payload_too_large', `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError(413, 'payload_too_large', `The body is larger than ${Math.round(maxBytes / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
