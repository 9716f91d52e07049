import { buildOpenApiDocument } from '../v1/openapi.ts';
import { apiResources, type ApiResource } from './resource-docs.ts';

// The developer docs' pages: the hand-written guides and one reference page per resource.
// The pages show each guide's label and description in the reader's language, from the docs
// catalog (docs.guides.<key>); the English here is what they say in English.

export const DOCS_GUIDES = [
  { key: 'gettingStarted', href: '/developers/docs', label: 'Getting started', description: 'Base URL, authentication, pagination, idempotency, caching, rate limits and errors.' },
  { key: 'oauth', href: '/developers/docs/oauth', label: 'OAuth 2.0 and OpenID Connect', description: "Apps that act for people: the workspace's authorization server, PKCE, scopes, tokens and a worked example." },
  { key: 'webhookEvents', href: '/developers/docs/webhook-events', label: 'Webhook events', description: 'The event catalog, the envelope, signatures and how to verify them, retries.' },
  { key: 'errors', href: '/developers/docs/errors', label: 'Error codes', description: 'Every error code the API answers with, and its status.' },
] as const;

let resources: ApiResource[] | undefined;

/** The API's resources (OpenAPI tags with operations); the document only changes with a deploy. */
export function docsResources(): ApiResource[] {
  resources ??= apiResources(buildOpenApiDocument() as Parameters<typeof apiResources>[0]);
  return resources;
}

export const resourceHref = (resource: ApiResource) => `/developers/docs/api/${resource.slug}`;
