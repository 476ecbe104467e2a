-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "sendAttemptAt" TIMESTAMP(3);
