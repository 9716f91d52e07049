-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "setupChecklistDismissedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "welcomeDismissedAt" TIMESTAMP(3);
