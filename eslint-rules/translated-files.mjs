// Every page and component takes its words from the message catalogs (messages/<language>/,
// issue 22): react/jsx-no-literals keeps a literal word from coming back between tags, and
// waypoint/no-literal-ui-attributes out of aria-label, title, placeholder, alt and the like.
export const TRANSLATED_FILES = ['app/**/*.tsx', 'components/**/*.tsx'];
