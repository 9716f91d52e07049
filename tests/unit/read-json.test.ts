import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/http/problem.ts';
import { readJson } from '../../lib/http/read-json.ts';

function request(body: string, type = 'application/json') {
  return new Request('http://localhost/api/x', { method: 'POST', headers: { 'content-type': type }, body });
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as AppError).status;
  }
}

describe('readJson', () => {
  it('parses JSON bodies', async () => {
    expect(await readJson(request('{"a":1}'))).toEqual({ a: 1 });
    expect(await readJson(request('{"a":1}', 'application/scim+json'))).toEqual({ a: 1 });
  });

  it('answers 400, 413 and 415 for bad bodies', async () => {
    expect(await statusOf(readJson(request('{"a":')))).toBe(400);
    expect(await statusOf(readJson(request('')))).toBe(400);
    expect(await statusOf(readJson(request('a=1', 'application/x-www-form-urlencoded')))).toBe(415);
    expect(await statusOf(readJson(request(JSON.stringify({ a: 'x'.repeat(2000) })), 1000))).toBe(413);
  });
});
