-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "trialEndsAt" TIMESTAMP(3),
ADD COLUMN     "trialReminderSentAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Tenant_status_trialEndsAt_idx" ON "Tenant"("status", "trialEndsAt");

-- Workspaces made before trials had an end were marked "trial" on the free plan, although
-- sign-up promised them a trial: they get the trial they were promised (Pro for 14 days from
-- their creation, as lib/billing/plan-catalog.ts's TRIAL says). Those already past it fall
-- back to free at the next run of the trials job (billing.trials), like any other trial.
UPDATE "Tenant" SET "trialEndsAt" = "createdAt" + interval '14 days', "plan" = 'pro'
WHERE "status" = 'trial' AND "plan" = 'free' AND "trialEndsAt" IS NULL;
