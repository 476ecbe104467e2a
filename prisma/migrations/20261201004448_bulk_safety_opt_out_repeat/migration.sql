-- CreateEnum
CREATE TYPE "SendSkipReason" AS ENUM ('OPTED_OUT', 'REPEAT', 'NOT_ON_WHATSAPP');

-- AlterEnum
ALTER TYPE "MessageStatus" ADD VALUE 'SKIPPED';

-- AlterTable
ALTER TABLE "bulk_batches" ADD COLUMN     "excluded" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "optOutMessageId" TEXT,
ADD COLUMN     "optOutSource" TEXT,
ADD COLUMN     "optedOutAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "contentHash" TEXT,
ADD COLUMN     "skipReason" "SendSkipReason";

-- CreateIndex
CREATE INDEX "messages_conversationId_contentHash_idx" ON "messages"("conversationId", "contentHash");
