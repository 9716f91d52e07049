-- AlterTable
ALTER TABLE "Branding" ADD COLUMN     "localizedTerminology" JSONB NOT NULL DEFAULT '{}';
