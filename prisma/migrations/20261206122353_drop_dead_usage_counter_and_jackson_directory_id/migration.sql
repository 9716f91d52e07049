-- DropForeignKey
ALTER TABLE "UsageCounter" DROP CONSTRAINT "UsageCounter_tenantId_fkey";

-- DropIndex
DROP INDEX "ScimDirectory_jacksonDirectoryId_key";

-- AlterTable
ALTER TABLE "ScimDirectory" DROP COLUMN "jacksonDirectoryId";

-- DropTable
DROP TABLE "UsageCounter";
