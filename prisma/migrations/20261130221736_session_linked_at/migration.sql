-- AlterTable
ALTER TABLE "whatsapp_sessions" ADD COLUMN     "linkedAt" TIMESTAMP(3);
