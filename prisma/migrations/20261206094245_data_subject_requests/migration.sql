-- CreateEnum
CREATE TYPE "DataSubjectRequestKind" AS ENUM ('access', 'erasure', 'rectification', 'restriction', 'objection', 'portability');

-- CreateTable
CREATE TABLE "DataSubjectRequest" (
    "id" TEXT NOT NULL,
    "kind" "DataSubjectRequestKind" NOT NULL,
    "subjectEmail" TEXT NOT NULL,
    "tenantId" TEXT,
    "details" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataSubjectRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DataSubjectRequest_completedAt_dueAt_idx" ON "DataSubjectRequest"("completedAt", "dueAt");

-- CreateIndex
CREATE INDEX "DataSubjectRequest_subjectEmail_idx" ON "DataSubjectRequest"("subjectEmail");
