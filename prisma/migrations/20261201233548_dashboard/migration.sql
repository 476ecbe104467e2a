-- CreateTable
CREATE TABLE "whatsapp_status_events" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "status" "WhatsAppSessionStatus" NOT NULL,
    "errorCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "whatsapp_status_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "whatsapp_status_events_organizationId_createdAt_idx" ON "whatsapp_status_events"("organizationId", "createdAt");

-- AddForeignKey
ALTER TABLE "whatsapp_status_events" ADD CONSTRAINT "whatsapp_status_events_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The dashboard's aggregates (issue 16 point 3, src/server/domain/dashboard): messages per local day,
-- first responses and delivery outcomes of one organization over a range of days. Covering index: the
-- range scan reads every column the queries need from the index (an index-only scan), never the rows.
-- INCLUDE cannot be stated in Prisma's schema: the index lives here only, and a later `migrate dev` must
-- not drop it (check its generated SQL, as for messages_search_trgm).
CREATE INDEX "messages_dashboard_cover" ON "messages"("organizationId", "createdAt") INCLUDE ("direction", "sender", "status", "conversationId", "batchId");
