-- AlterEnum
ALTER TYPE "AssetKind" ADD VALUE 'avatar';

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "avatarAssetId" TEXT,
ADD COLUMN     "locale" TEXT,
ADD COLUMN     "timeZone" TEXT;
