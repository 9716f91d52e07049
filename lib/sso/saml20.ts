import * as imported from '@boxyhq/saml20';

// @boxyhq/saml20 is CommonJS with its API on exports.default. Node's own ESM loader (e.g. the
// Playwright process) hands a default import module.exports itself, while bundlers and Vitest
// honour __esModule and hand over exports.default: take the API from wherever it is.
type Saml20 = typeof imported.default;
const loaded = imported as unknown as { default: Saml20 & { default?: Saml20 } };

export const saml20: Saml20 = loaded.default.default ?? loaded.default;
