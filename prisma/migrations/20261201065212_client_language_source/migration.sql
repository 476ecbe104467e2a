-- CreateEnum
CREATE TYPE "LanguageSource" AS ENUM ('DETECTED', 'MANUAL');

-- AlterTable
ALTER TABLE "clients" ADD COLUMN     "languageMatches" INTEGER,
ADD COLUMN     "languageSampled" INTEGER,
ADD COLUMN     "preferredLanguageSource" "LanguageSource" NOT NULL DEFAULT 'DETECTED';
