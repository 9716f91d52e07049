-- AlterTable
ALTER TABLE "User" ADD COLUMN     "restrictedAt" TIMESTAMP(3),
ADD COLUMN     "restrictionReason" TEXT;
