-- AlterTable
ALTER TABLE "clients" ALTER COLUMN "phone" DROP NOT NULL;

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "batchId" TEXT,
ADD COLUMN     "priority" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "queuedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "incoming_inbox" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "whatsappMessageId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queuedAt" TIMESTAMP(3),
    "processedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "incoming_inbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulk_batches" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT,
    "sender" "MessageSender" NOT NULL,
    "total" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bulk_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incoming_inbox_processedAt_queuedAt_idx" ON "incoming_inbox"("processedAt", "queuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "incoming_inbox_organizationId_whatsappMessageId_key" ON "incoming_inbox"("organizationId", "whatsappMessageId");

-- CreateIndex
CREATE INDEX "bulk_batches_organizationId_createdAt_idx" ON "bulk_batches"("organizationId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "clients_organizationId_whatsappId_key" ON "clients"("organizationId", "whatsappId");

-- CreateIndex
CREATE INDEX "messages_direction_status_queuedAt_idx" ON "messages"("direction", "status", "queuedAt");

-- CreateIndex
CREATE INDEX "messages_batchId_idx" ON "messages"("batchId");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "bulk_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incoming_inbox" ADD CONSTRAINT "incoming_inbox_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bulk_batches" ADD CONSTRAINT "bulk_batches_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

