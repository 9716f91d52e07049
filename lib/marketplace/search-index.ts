import type { Prisma } from '../db/generated/client.ts';

// The marketplace's full-text index: MarketplaceApp.searchVector, built from the live version
// (name weighs most, then the tagline and the category, then the description) in the 'simple'
// configuration, so names and words of any language match as typed. Call it whenever the live
// version changes (publish, a new version published); a removed app is dropped from it.

type RawClient = { $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<number> };

export async function refreshSearchVector(tx: RawClient, appId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "MarketplaceApp" AS a SET "searchVector" = CASE WHEN a.status IN ('published') THEN
      setweight(to_tsvector('simple', coalesce(v.name, '')), 'A') ||
      setweight(to_tsvector('simple', coalesce(v.tagline, '') || ' ' || coalesce(v.category, '')), 'B') ||
      setweight(to_tsvector('simple', coalesce(v.description, '')), 'C')
    ELSE NULL END
    FROM "AppVersion" AS v
    WHERE a.id = ${appId} AND v.id = a."liveVersionId"`;
  await tx.$executeRaw`UPDATE "MarketplaceApp" SET "searchVector" = NULL WHERE id = ${appId} AND "liveVersionId" IS NULL`;
}
