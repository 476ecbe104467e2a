-- CreateEnum
CREATE TYPE "GovernorAction" AS ENUM ('PAUSED', 'RESUMED');

-- CreateTable
CREATE TABLE "governor_events" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "action" "GovernorAction" NOT NULL,
    "actorUserId" TEXT,
    "reason" TEXT NOT NULL,
    "figures" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "governor_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "governor_events_organizationId_createdAt_idx" ON "governor_events"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "messages_organizationId_sendAttemptAt_idx" ON "messages"("organizationId", "sendAttemptAt");

-- CreateIndex
CREATE INDEX "messages_organizationId_sentAt_idx" ON "messages"("organizationId", "sentAt");

-- AddForeignKey
ALTER TABLE "governor_events" ADD CONSTRAINT "governor_events_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
