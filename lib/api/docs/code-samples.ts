// Ready-to-run examples of one API request in four languages, for the docs page. Pure string
// building: every value is quoted for its language, and the key is read from the
// WAYPOINT_API_KEY environment variable so nobody pastes a secret into a script.

export interface SampleRequest {
  method: string;
  /** Absolute, with the query string. */
  url: string;
  /** Headers besides Authorization, Content-Type and Idempotency-Key. */
  headers: Record<string, string>;
  /** Sends a fresh Idempotency-Key, made by the sample itself: a key reused with another body is refused. */
  idempotencyKey: boolean;
  /** A JSON body, or undefined for none. */
  body?: unknown;
  /** False when success carries no body (204), so the sample does not parse one. */
  expectsBody: boolean;
}

export const SAMPLE_LANGUAGES = [
  { id: 'curl', label: 'cURL' },
  { id: 'javascript', label: 'JavaScript' },
  { id: 'python', label: 'Python' },
  { id: 'ruby', label: 'Ruby' },
] as const;

export type SampleLanguage = (typeof SAMPLE_LANGUAGES)[number]['id'];

export const API_KEY_VARIABLE = 'WAYPOINT_API_KEY';

const indentLines = (text: string, prefix: string) => text.replace(/\n/g, `\n${prefix}`);

/** A POSIX shell word in single quotes (a quote inside becomes '\''). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export function curlSample(req: SampleRequest): string {
  const lines = [`curl${req.method === 'GET' ? '' : ` -X ${req.method}`} ${shellQuote(req.url)}`, `-H "Authorization: Bearer $${API_KEY_VARIABLE}"`];
  if (req.body !== undefined) lines.push(`-H ${shellQuote('Content-Type: application/json')}`);
  if (req.idempotencyKey) lines.push('-H "Idempotency-Key: $(uuidgen)"');
  for (const [name, value] of Object.entries(req.headers)) lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (req.body !== undefined) lines.push(`--data ${shellQuote(JSON.stringify(req.body, null, 2))}`);
  return lines.join(' \\\n  ');
}

export function javascriptSample(req: SampleRequest): string {
  const headers = [`Authorization: \`Bearer \${process.env.${API_KEY_VARIABLE}}\`,`];
  if (req.body !== undefined) headers.push(`"Content-Type": "application/json",`);
  if (req.idempotencyKey) headers.push(`"Idempotency-Key": crypto.randomUUID(),`);
  for (const [name, value] of Object.entries(req.headers)) headers.push(`${JSON.stringify(name)}: ${JSON.stringify(value)},`);
  const options = [`method: ${JSON.stringify(req.method)},`, `headers: {\n    ${headers.join('\n    ')}\n  },`];
  if (req.body !== undefined) options.push(`body: JSON.stringify(${indentLines(JSON.stringify(req.body, null, 2), '  ')}),`);
  return [
    `const response = await fetch(${JSON.stringify(req.url)}, {`,
    `  ${options.join('\n  ')}`,
    `});`,
    `if (!response.ok) throw new Error(\`\${response.status}: \${await response.text()}\`);`,
    req.expectsBody ? 'console.log(await response.json());' : 'console.log(response.status);',
  ].join('\n');
}

/** JSON as a Python literal (True/False/None), indented like json.dumps(indent=4). */
export function pythonLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}    `;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => inner + pythonLiteral(v, inner)).join(',\n')},\n${indent}]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pythonLiteral(v, inner)}`).join(',\n')},\n${indent}}` : '{}';
  }
  // JSON's string escapes are all valid in Python string literals.
  return JSON.stringify(value);
}

export function pythonSample(req: SampleRequest): string {
  const headers = [`"Authorization": f"Bearer {os.environ['${API_KEY_VARIABLE}']}"`];
  if (req.idempotencyKey) headers.push('"Idempotency-Key": str(uuid.uuid4())');
  headers.push(...Object.entries(req.headers).map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`));
  const args = [JSON.stringify(req.url), `headers={\n        ${headers.join(',\n        ')},\n    }`];
  if (req.body !== undefined) args.push(`json=${pythonLiteral(req.body, '    ')}`);
  return [
    req.idempotencyKey ? 'import os\nimport uuid' : 'import os',
    '',
    'import requests',
    '',
    `response = requests.${req.method.toLowerCase()}(`,
    `    ${args.join(',\n    ')},`,
    ')',
    'response.raise_for_status()',
    req.expectsBody ? 'print(response.json())' : 'print(response.status_code)',
  ].join('\n');
}

/** A Ruby double-quoted string: JSON's escapes, plus "#" escaped so nothing interpolates. */
export function rubyString(value: string): string {
  return JSON.stringify(value).replace(/#/g, '\\#');
}

/** JSON as a Ruby literal (hashes with string keys, nil). */
export function rubyLiteral(value: unknown, indent = ''): string {
  const inner = `${indent}  `;
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return rubyString(value);
  if (Array.isArray(value)) return value.length ? `[\n${value.map((v) => inner + rubyLiteral(v, inner)).join(',\n')}\n${indent}]` : '[]';
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length ? `{\n${entries.map(([k, v]) => `${inner}${rubyString(k)} => ${rubyLiteral(v, inner)}`).join(',\n')}\n${indent}}` : '{}';
  }
  return String(value);
}

export function rubySample(req: SampleRequest): string {
  const verb = req.method.charAt(0) + req.method.slice(1).toLowerCase();
  const lines = [
    'require "json"',
    'require "net/http"',
    ...(req.idempotencyKey ? ['require "securerandom"'] : []),
    '',
    `uri = URI(${rubyString(req.url)})`,
    `request = Net::HTTP::${verb}.new(uri)`,
    `request["Authorization"] = "Bearer #{ENV.fetch("${API_KEY_VARIABLE}")}"`,
  ];
  if (req.body !== undefined) lines.push('request["Content-Type"] = "application/json"');
  if (req.idempotencyKey) lines.push('request["Idempotency-Key"] = SecureRandom.uuid');
  for (const [name, value] of Object.entries(req.headers)) lines.push(`request[${rubyString(name)}] = ${rubyString(value)}`);
  if (req.body !== undefined) lines.push(`request.body = JSON.generate(${rubyLiteral(req.body)})`);
  lines.push(
    '',
    'response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|',
    '  http.request(request)',
    'end',
    'raise "#{response.code}: #{response.body}" unless response.is_a?(Net::HTTPSuccess)',
    req.expectsBody ? 'puts JSON.parse(response.body)' : 'puts response.code',
  );
  return lines.join('\n');
}

export function codeSamples(req: SampleRequest): Record<SampleLanguage, string> {
  return { curl: curlSample(req), javascript: javascriptSample(req), python: pythonSample(req), ruby: rubySample(req) };
}
