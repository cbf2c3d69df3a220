-- Notifications (issue 11, item 4): in-app notifications per user (the console's bell) with the e-mail sent for each
-- after the commit (mail_status is the sent marker), a per-user e-mail opt-out, and the person an employee task was
-- escalated to (it shows in their inbox too). New tables get the app role's default privileges
-- (migration 20261201120000_app_role).

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('TASK_OPENED', 'TASK_REMINDER', 'TASK_ESCALATED', 'RESULT_SHARED', 'APPEAL_DECIDED', 'SANCTION_DECIDED');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'OPTED_OUT', 'NO_ADDRESS', 'OFF');

-- AlterTable
ALTER TABLE "users" ADD COLUMN "email_notifications" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "tasks" ADD COLUMN "escalated_to_id" INTEGER;

-- CreateTable
CREATE TABLE "notifications" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "title" TEXT NOT NULL,
    "title_en" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "body_en" TEXT NOT NULL,
    "task_id" INTEGER,
    "appraisal_id" INTEGER,
    "read_at" TIMESTAMP(3),
    "mail_status" "MailStatus" NOT NULL,
    "mail_to" TEXT,
    "mail_attempts" INTEGER NOT NULL DEFAULT 0,
    "mail_claimed_at" TIMESTAMP(3),
    "mail_sent_at" TIMESTAMP(3),
    "mail_message_id" TEXT,
    "mail_error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "tasks_escalated_to_id_status_idx" ON "tasks"("escalated_to_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_key_key" ON "notifications"("key");

-- CreateIndex
CREATE INDEX "notifications_user_id_read_at_idx" ON "notifications"("user_id", "read_at");

-- CreateIndex
CREATE INDEX "notifications_mail_status_idx" ON "notifications"("mail_status");

-- CreateIndex
CREATE INDEX "notifications_task_id_idx" ON "notifications"("task_id");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
