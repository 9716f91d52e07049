-- AlterTable
ALTER TABLE "OAuthToken" ADD COLUMN     "replacedById" TEXT,
ADD COLUMN     "replacementSecret" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "OAuthToken_replacedById_key" ON "OAuthToken"("replacedById");

-- AddForeignKey
ALTER TABLE "OAuthToken" ADD CONSTRAINT "OAuthToken_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "OAuthToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
