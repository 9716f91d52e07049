// The API reference is one page per resource (an OpenAPI tag), so no page renders the whole
// API at once. Each page gets a document cut down to its tag: its paths, and only the
// components those paths reach ($refs followed transitively).

type Json = Record<string, unknown>;

export interface ApiResource {
  /** The URL segment, e.g. "goals". */
  slug: string;
  /** The OpenAPI tag, e.g. "Goals". */
  tag: string;
  description: string;
}

interface Document {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, Json>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const slugOf = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The resources in the document's tag order, each with at least one operation. */
export function apiResources(doc: Document): ApiResource[] {
  const used = new Set(Object.values(doc.paths ?? {}).flatMap((item) => Object.values(item).flatMap((op) => (op.tags as string[] | undefined) ?? [])));
  return (doc.tags ?? []).filter((tag) => used.has(tag.name)).map((tag) => ({ slug: slugOf(tag.name), tag: tag.name, description: tag.description ?? '' }));
}

function refsIn(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/')) found.add(inner);
      else refsIn(inner, found);
    }
  }
}

/** The components reachable from `roots`, as a components object. */
function reachableComponents(doc: Document, roots: unknown): Record<string, Record<string, unknown>> {
  const seen = new Set<string>();
  const queue = new Set<string>();
  refsIn(roots, queue);
  // Security schemes are named by requirements, not $refs.
  const out: Record<string, Record<string, unknown>> = { securitySchemes: doc.components?.securitySchemes ?? {} };
  while (queue.size) {
    const [ref] = queue;
    queue.delete(ref);
    if (seen.has(ref)) continue;
    seen.add(ref);
    const [, , kind, name] = ref.split('/');
    const target = doc.components?.[kind]?.[name];
    if (target === undefined) continue;
    (out[kind] ??= {})[name] = target;
    const more = new Set<string>();
    refsIn(target, more);
    more.forEach((r) => !seen.has(r) && queue.add(r));
  }
  return out;
}

/**
 * The document for one resource: its tag's operations only, served from `origin` (the
 * address the reader is on), without the event catalog (a guide of its own).
 */
export function resourceDocument(doc: Document, resource: ApiResource, options: { origin: string; title: string }): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const kept = Object.fromEntries(Object.entries(item).filter(([, op]) => ((op.tags as string[] | undefined) ?? []).includes(resource.tag)));
    if (Object.keys(kept).length) paths[path] = kept;
  }
  return {
    openapi: doc.openapi,
    info: { title: options.title, version: doc.info.version, description: resource.description },
    servers: [{ url: options.origin }],
    security: doc.security,
    tags: (doc.tags ?? []).filter((tag) => tag.name === resource.tag),
    paths,
    components: reachableComponents(doc, paths),
  };
}
