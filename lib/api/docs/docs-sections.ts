import { buildOpenApiDocument } from '../v1/openapi.ts';
import { apiResources, type ApiResource } from './resource-docs.ts';

// The developer docs' pages: the hand-written guides and one reference page per resource.

export const DOCS_GUIDES = [
  { href: '/developers/docs', label: 'Getting started', description: 'Base URL, authentication, pagination, idempotency, caching, rate limits and errors.' },
  { href: '/developers/docs/oauth', label: 'OAuth 2.0 and OpenID Connect', description: "Apps that act for people: the workspace's authorization server, PKCE, scopes, tokens and a worked example." },
  { href: '/developers/docs/webhook-events', label: 'Webhook events', description: 'The event catalog, the envelope, signatures and how to verify them, retries.' },
  { href: '/developers/docs/errors', label: 'Error codes', description: 'Every error code the API answers with, and its status.' },
] as const;

let resources: ApiResource[] | undefined;

/** The API's resources (OpenAPI tags with operations); the document only changes with a deploy. */
export function docsResources(): ApiResource[] {
  resources ??= apiResources(buildOpenApiDocument() as Parameters<typeof apiResources>[0]);
  return resources;
}

export const resourceHref = (resource: ApiResource) => `/developers/docs/api/${resource.slug}`;
