-- Peer feedback, 360 (issue 15, item 3): the rater asks up to N colleagues per evaluation period for feedback on the
-- seven BerAKHLAK values, each with a task and a deadline. The init migration's peer_feedback table was never written
-- to: it is replaced by one that keys by appraisal (one row per period) and peer, with the request's task, deadline,
-- who asked and its status. A new table: the app role's default privileges (migration 20261201120000_app_role) apply.

-- DropTable
DROP TABLE "peer_feedback";

-- CreateEnum
CREATE TYPE "PeerFeedbackStatus" AS ENUM ('REQUESTED', 'ANSWERED', 'EXPIRED');

-- CreateTable
CREATE TABLE "peer_feedback" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "peer_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER,
    "task_key" TEXT NOT NULL,
    "status" "PeerFeedbackStatus" NOT NULL DEFAULT 'REQUESTED',
    "due_at" TIMESTAMP(3) NOT NULL,
    "values" JSONB,
    "note" TEXT,
    "answered_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "peer_feedback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "peer_feedback_task_key_key" ON "peer_feedback"("task_key");

-- CreateIndex
CREATE INDEX "peer_feedback_peer_id_idx" ON "peer_feedback"("peer_id");

-- CreateIndex
CREATE UNIQUE INDEX "peer_feedback_appraisal_id_peer_id_key" ON "peer_feedback"("appraisal_id", "peer_id");

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_peer_id_fkey" FOREIGN KEY ("peer_id") REFERENCES "employees"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "peer_feedback" ADD CONSTRAINT "peer_feedback_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;
