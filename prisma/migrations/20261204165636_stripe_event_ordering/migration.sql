-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "overagePer1000Cents" INTEGER;

-- AlterTable
ALTER TABLE "StripeEvent" ADD COLUMN     "error" TEXT,
ADD COLUMN     "outcome" TEXT;

-- CreateTable
CREATE TABLE "StripeInvoice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "nextPaymentAttempt" TIMESTAMP(3),
    "eventAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StripeInvoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StripeInvoice_tenantId_idx" ON "StripeInvoice"("tenantId");

-- AddForeignKey
ALTER TABLE "StripeInvoice" ADD CONSTRAINT "StripeInvoice_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Data: the shipped overage prices (lib/billing/plan-catalog.ts); rows an operator set are left alone.
UPDATE "Plan" SET "overagePer1000Cents" = 100 WHERE "id" = 'basic' AND "overagePer1000Cents" IS NULL;
UPDATE "Plan" SET "overagePer1000Cents" = 80 WHERE "id" = 'pro' AND "overagePer1000Cents" IS NULL;
UPDATE "Plan" SET "overagePer1000Cents" = 50 WHERE "id" = 'enterprise' AND "overagePer1000Cents" IS NULL;
