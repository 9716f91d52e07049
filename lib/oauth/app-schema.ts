import { z } from 'zod';
import { OAUTH_SCOPES } from './oauth-scopes.ts';
import { nativeSchemeProblem, redirectUriProblem, webUrlProblem } from './redirect-uri.ts';

// What a workspace admin registers about a third-party app in the developer portal.

/** Empty form fields mean "none". */
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

function refineProblem(check: (value: string) => string | null) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = check(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

const webUrl = z.preprocess(blankToNull, z.string().trim().max(2048, 'Use at most 2048 characters.').superRefine(refineProblem(webUrlProblem)).nullish());

const redirectUris = z
  .array(z.string().trim().min(1, 'Enter a redirect URI.').max(2048, 'Use at most 2048 characters.').superRefine(refineProblem(redirectUriProblem)))
  .min(1, 'Add at least one redirect URI.')
  .max(10, 'Use at most 10 redirect URIs.')
  .refine((uris) => new Set(uris).size === uris.length, 'Each redirect URI once.');

const allowedScopes = z
  .array(z.enum(OAUTH_SCOPES, { message: `Scopes are ${OAUTH_SCOPES.join(', ')}.` }))
  .min(1, 'Choose at least one scope.')
  .max(OAUTH_SCOPES.length)
  .transform((scopes) => [...new Set(scopes)]);

const fields = {
  name: z.string().trim().min(1, 'Name the app.').max(80, 'Use at most 80 characters.'),
  description: z.preprocess(blankToNull, z.string().trim().max(500, 'Use at most 500 characters.').nullish()),
  logoUrl: webUrl,
  homepageUrl: webUrl,
  redirectUris,
  allowedScopes,
};

export const oauthAppInputSchema = z
  .object({
    ...fields,
    /** public: a browser or native app that cannot keep a secret (PKCE required); confidential: a server. */
    clientType: z.enum(['public', 'confidential'], { message: 'Choose public or confidential.' }),
  })
  .strict()
  .superRefine((app, ctx) => {
    app.redirectUris.forEach((uri, index) => {
      const problem = nativeSchemeProblem(uri, app.clientType);
      if (problem) ctx.addIssue({ code: 'custom', path: ['redirectUris', index], message: problem });
    });
  });

/** Everything but the client type, which would change how the app authenticates. */
export const oauthAppUpdateSchema = z.object(fields).partial().strict();

export type OAuthAppInput = z.input<typeof oauthAppInputSchema>;
export type OAuthAppUpdate = z.input<typeof oauthAppUpdateSchema>;

export interface OAuthAppView {
  id: string;
  clientId: string;
  name: string;
  description: string | null;
  logoUrl: string | null;
  homepageUrl: string | null;
  redirectUris: string[];
  clientType: 'public' | 'confidential';
  allowedScopes: string[];
  /** The client secret's last four characters (confidential apps). */
  secretHint: string | null;
  createdAt: string;
  updatedAt: string;
}
