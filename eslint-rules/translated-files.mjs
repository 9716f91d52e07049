// Files whose every user-facing word comes from the message catalogs (messages/<language>/,
// issue 22): react/jsx-no-literals keeps a literal word from coming back between their tags,
// and waypoint/no-literal-ui-attributes out of their aria-label, title, placeholder and alt.
// Add a file (or a folder's glob) here when its screen is translated; one per line. The list
// ends as every page and component.
export const TRANSLATED_FILES = [
  'app/(tenant)/t/[tenant]/apps/**',
  'app/(tenant)/t/[tenant]/integrations/**',
  'app/(tenant)/t/[tenant]/settings/authorized-apps/**',
  'app/(tenant)/t/[tenant]/settings/installed-apps/**',
  'app/(tenant)/t/[tenant]/settings/marketplace/**',
  'app/layout.tsx',
  'components/integrations/**',
  'components/marketplace/**',
  'components/shell/skip-link.tsx',
  'components/tenant/tenant-footer.tsx',
  'components/tenant/tenant-header.tsx',
];
