-- AlterTable
ALTER TABLE "IntegrationMessage" ADD COLUMN     "payload" JSONB NOT NULL DEFAULT '{}';
