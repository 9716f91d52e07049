// Subdomains no tenant may take: they belong to the platform, mislead users, or are
// commonly used for infrastructure.
export const RESERVED_SLUGS = new Set([
  'www', 'api', 'admin', 'app', 'apps', 'auth', 'login', 'logout', 'signin', 'signup', 'sign-in', 'sign-up',
  'account', 'accounts', 'billing', 'dashboard', 'docs', 'developer', 'developers', 'help', 'support', 'status',
  'mail', 'email', 'smtp', 'imap', 'pop', 'ftp', 'ns1', 'ns2', 'dns', 'cdn', 'static', 'assets', 'media', 'files',
  'blog', 'about', 'security', 'oauth', 'sso', 'saml', 'scim', 'webhooks', 'webhook', 'internal', 'root', 'system',
  'operator', 'platform', 'reseller', 'resellers', 'partner', 'partners', 'waypoint', 'test', 'staging', 'dev', 'localhost',
]);
