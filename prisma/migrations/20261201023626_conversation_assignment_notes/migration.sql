-- Issue 13 points 2, 3, 8: conversation owner and status (open/resolved/snoozed), thread entries (private notes, system lines), @mentions.
-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('OPEN', 'RESOLVED', 'SNOOZED');

-- CreateEnum
CREATE TYPE "ConversationEntryKind" AS ENUM ('NOTE', 'ASSIGNED', 'UNASSIGNED', 'RESOLVED', 'REOPENED', 'SNOOZED');

-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "snoozedUntil" TIMESTAMP(3),
ADD COLUMN     "status" "ConversationStatus" NOT NULL DEFAULT 'OPEN';

-- CreateTable
CREATE TABLE "conversation_entries" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "kind" "ConversationEntryKind" NOT NULL,
    "authorId" TEXT,
    "content" TEXT NOT NULL DEFAULT '',
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversation_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mentions" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mentions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "conversation_entries_conversationId_createdAt_idx" ON "conversation_entries"("conversationId", "createdAt");

-- CreateIndex
CREATE INDEX "mentions_userId_readAt_createdAt_idx" ON "mentions"("userId", "readAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "mentions_entryId_userId_key" ON "mentions"("entryId", "userId");

-- CreateIndex
CREATE INDEX "conversations_organizationId_status_assigneeId_idx" ON "conversations"("organizationId", "status", "assigneeId");

-- CreateIndex
CREATE INDEX "conversations_status_snoozedUntil_idx" ON "conversations"("status", "snoozedUntil");

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_entries" ADD CONSTRAINT "conversation_entries_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_entries" ADD CONSTRAINT "conversation_entries_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "conversations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "conversation_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
