-- Quiet hours: a held message says until when it waits.
ALTER TABLE "messages" ADD COLUMN "quietUntil" TIMESTAMP(3);

-- Warm-up: when the current number was first linked. Existing numbers count from when their session row was made.
ALTER TABLE "whatsapp_sessions" ADD COLUMN "numberSince" TIMESTAMP(3);
UPDATE "whatsapp_sessions" SET "numberSince" = "createdAt" WHERE "phoneNumber" IS NOT NULL;
