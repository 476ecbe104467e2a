-- AlterTable
ALTER TABLE "whatsapp_import_sessions" ADD COLUMN     "sessionDeadAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "whatsapp_sessions" ADD COLUMN     "sessionDeadAt" TIMESTAMP(3);
