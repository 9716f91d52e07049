// Files whose every user-facing word comes from the message catalogs (messages/<language>/,
// issue 22): react/jsx-no-literals keeps a literal word from coming back between their tags,
// and waypoint/no-literal-ui-attributes out of their aria-label, title, placeholder and alt.
// Add a file (or a folder's glob) here when its screen is translated; one per line. The list
// ends as every page and component.
export const TRANSLATED_FILES = [
  'app/layout.tsx',
  'app/(tenant)/t/[tenant]/(home)/**',
  'app/(tenant)/t/[tenant]/goals/**',
  'app/(tenant)/t/[tenant]/leaderboards/**',
  'app/(tenant)/t/[tenant]/members/[userId]/**',
  'app/(tenant)/t/[tenant]/teams/**',
  'components/dashboard/**',
  'components/goals/**',
  'components/leaderboards/**',
  'components/teams/**',
  'components/shell/skip-link.tsx',
  'components/tenant/tenant-footer.tsx',
  'components/tenant/tenant-header.tsx',
];
