-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "lid" TEXT;

-- CreateTable
CREATE TABLE "client_events" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "client_events_clientId_createdAt_idx" ON "client_events"("clientId", "createdAt");

-- CreateIndex
CREATE INDEX "client_events_organizationId_idx" ON "client_events"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "clients_organizationId_lid_key" ON "clients"("organizationId", "lid");

-- AddForeignKey
ALTER TABLE "client_events" ADD CONSTRAINT "client_events_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_events" ADD CONSTRAINT "client_events_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Clients created before this migration from a hidden-number chat carry their LID only in whatsappId.
UPDATE "clients" SET "lid" = "whatsappId" WHERE "whatsappId" ~ '^[0-9]+@lid$' AND "lid" IS NULL;
