-- CreateEnum
CREATE TYPE "MediaKind" AS ENUM ('IMAGE', 'VIDEO', 'AUDIO', 'VOICE', 'DOCUMENT', 'STICKER', 'LOCATION', 'CONTACT');

-- CreateEnum
CREATE TYPE "MediaStatus" AS ENUM ('PENDING', 'STORED', 'TOO_LARGE', 'UNAVAILABLE');

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "contact" JSONB,
ADD COLUMN     "location" JSONB,
ADD COLUMN     "mediaAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mediaError" TEXT,
ADD COLUMN     "mediaFileId" TEXT,
ADD COLUMN     "mediaFileName" TEXT,
ADD COLUMN     "mediaKind" "MediaKind",
ADD COLUMN     "mediaMimeType" TEXT,
ADD COLUMN     "mediaSize" INTEGER,
ADD COLUMN     "mediaStatus" "MediaStatus";

-- CreateTable
CREATE TABLE "media_files" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_files_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "media_files_storageKey_idx" ON "media_files"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "media_files_organizationId_sha256_key" ON "media_files"("organizationId", "sha256");

-- CreateIndex
CREATE INDEX "messages_mediaFileId_idx" ON "messages"("mediaFileId");

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_mediaFileId_fkey" FOREIGN KEY ("mediaFileId") REFERENCES "media_files"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "media_files" ADD CONSTRAINT "media_files_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
