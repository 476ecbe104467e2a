-- AlterTable
ALTER TABLE "whatsapp_sessions" ADD COLUMN     "wantedConnected" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "whatsapp_sessions_wantedConnected_idx" ON "whatsapp_sessions"("wantedConnected");
