-- CreateEnum
CREATE TYPE "MessageOrigin" AS ENUM ('CRM', 'PHONE');

-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "editHistory" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "origin" "MessageOrigin" NOT NULL DEFAULT 'CRM';
