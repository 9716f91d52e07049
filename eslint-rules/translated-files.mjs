// Files whose every user-facing word comes from the message catalogs (messages/<language>/,
// issue 22): react/jsx-no-literals keeps a literal word from coming back between their tags,
// and waypoint/no-literal-ui-attributes out of their aria-label, title, placeholder and alt.
// Add a file (or a folder's glob) here when its screen is translated; one per line. The list
// ends as every page and component.
export const TRANSLATED_FILES = [
  'app/(platform)/partner/**',
  'app/(platform)/partners/**',
  'app/(platform)/reseller/**',
  'app/(tenant)/t/[tenant]/settings/billing/**',
  'app/layout.tsx',
  'components/billing/**',
  'components/partners/**',
  'components/payouts/**',
  'components/resellers/**',
  'components/shell/skip-link.tsx',
  'components/tenant/tenant-footer.tsx',
  'components/tenant/tenant-header.tsx',
];
