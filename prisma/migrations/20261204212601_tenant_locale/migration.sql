-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en-US';
