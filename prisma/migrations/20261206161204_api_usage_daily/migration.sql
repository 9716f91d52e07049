-- CreateTable
CREATE TABLE "ApiUsageDaily" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "apiKeyId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "statusClass" INTEGER NOT NULL,
    "requests" INTEGER NOT NULL,
    "durationMs" BIGINT NOT NULL,
    "maxDurationMs" INTEGER NOT NULL,
    "latencyBuckets" INTEGER[],

    CONSTRAINT "ApiUsageDaily_pkey" PRIMARY KEY ("tenantId","day","apiKeyId","method","route","statusClass")
);

-- AddForeignKey
ALTER TABLE "ApiUsageDaily" ADD CONSTRAINT "ApiUsageDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the request log kept so far, summed the way lib/api/request-log.ts sums each batch
-- (bucket bounds as in lib/api/usage-rollup.ts), so the developers page keeps its history.
INSERT INTO "ApiUsageDaily" ("tenantId", "day", "apiKeyId", "method", "route", "statusClass", "requests", "durationMs", "maxDurationMs", "latencyBuckets")
SELECT "tenantId", "createdAt"::date, COALESCE("apiKeyId", ''), "method", "route",
       CASE WHEN "status" < 400 THEN 2 WHEN "status" < 500 THEN 4 ELSE 5 END,
       count(*)::int, sum("durationMs"), max("durationMs"),
       ARRAY[count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 0),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 1),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 2),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 3),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 4),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 5),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 6),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 7),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 8),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 9),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 10),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 11),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 12),
         count(*) FILTER (WHERE width_bucket("durationMs", ARRAY[1,2,5,10,20,50,100,200,500,1000,2000,5000,10000]) = 13)]::int[]
FROM "ApiRequestLog"
GROUP BY 1, 2, 3, 4, 5, 6
ON CONFLICT DO NOTHING;
