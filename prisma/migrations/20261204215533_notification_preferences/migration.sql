-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "emailPreferences" JSONB NOT NULL DEFAULT '{}';
