-- Issue 13 point 1: unread and waiting for reply (see domain/conversations/read-state.ts).
-- AlterTable
ALTER TABLE "conversations" ADD COLUMN     "lastReadAt" TIMESTAMP(3),
ADD COLUMN     "lastReadById" TEXT,
ADD COLUMN     "lastReplyAt" TIMESTAMP(3),
ADD COLUMN     "unreadCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "waitingSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "notifications" BOOLEAN NOT NULL DEFAULT true;

-- CreateIndex
CREATE INDEX "conversations_organizationId_waitingSince_idx" ON "conversations"("organizationId", "waitingSince");

-- Backfill: existing conversations count as read (unreadCount 0). Also our latest reply, and whether the
-- customer is still waiting (their oldest message after our latest reply, when the last message is theirs).
UPDATE "conversations" c SET "lastReplyAt" = r.last_reply
FROM (SELECT "conversationId", max("createdAt") AS last_reply FROM "messages" WHERE direction = 'OUTGOING' GROUP BY "conversationId") r
WHERE r."conversationId" = c.id;

UPDATE "conversations" c SET "waitingSince" = w.first_unanswered
FROM (
  SELECT m."conversationId", min(m."createdAt") AS first_unanswered
  FROM "messages" m JOIN "conversations" cc ON cc.id = m."conversationId"
  WHERE m.direction = 'INCOMING' AND (cc."lastReplyAt" IS NULL OR m."createdAt" > cc."lastReplyAt")
  GROUP BY m."conversationId"
) w
WHERE w."conversationId" = c.id;
