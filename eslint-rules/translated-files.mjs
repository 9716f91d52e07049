// Files whose every user-facing word comes from the message catalogs (messages/*.json,
// issue 22): react/jsx-no-literals keeps a literal word from coming back into their JSX. Add
// a file here when its screen is translated; the list ends as every component.
export const TRANSLATED_FILES = ['app/layout.tsx', 'components/shell/skip-link.tsx', 'components/tenant/tenant-footer.tsx', 'components/tenant/tenant-header.tsx'];
