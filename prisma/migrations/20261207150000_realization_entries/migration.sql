-- Progress at any time (issue 15, item 2): the employee records realisations per indicator whenever work is done
-- during the period; the progress per indicator (target, realisation so far, share reached) is computed from them and
-- the evidence step confirms it. A new table: the app role's default privileges (migration 20261201120000_app_role)
-- give it SELECT, INSERT, UPDATE, DELETE and the sequence.

-- CreateTable
CREATE TABLE "realization_entries" (
    "id" SERIAL NOT NULL,
    "appraisal_id" INTEGER NOT NULL,
    "indicator_id" INTEGER,
    "item_title" TEXT NOT NULL,
    "indicator_description" TEXT NOT NULL,
    "aspect" "IndicatorAspect" NOT NULL,
    "work_date" DATE NOT NULL,
    "value" DECIMAL(18,4) NOT NULL,
    "note" TEXT,
    "recorded_by_user_id" INTEGER NOT NULL,
    "recorded_by_employee_id" INTEGER,
    "on_behalf" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "realization_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "realization_entries_appraisal_id_indicator_id_idx" ON "realization_entries"("appraisal_id", "indicator_id");

-- CreateIndex
CREATE INDEX "realization_entries_indicator_id_idx" ON "realization_entries"("indicator_id");

-- AddForeignKey
ALTER TABLE "realization_entries" ADD CONSTRAINT "realization_entries_appraisal_id_fkey" FOREIGN KEY ("appraisal_id") REFERENCES "appraisals"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "realization_entries" ADD CONSTRAINT "realization_entries_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A stored entry is immutable: only its indicator link may change (set null when a plan revision replaces the
-- indicators, set again to the matching indicator of the revised plan). Removal is the route's, by the author.
CREATE FUNCTION realization_entries_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.id, NEW.appraisal_id, NEW.item_title, NEW.indicator_description, NEW.aspect, NEW.work_date, NEW.value,
      NEW.note, NEW.recorded_by_user_id, NEW.recorded_by_employee_id, NEW.on_behalf, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.appraisal_id, OLD.item_title, OLD.indicator_description, OLD.aspect, OLD.work_date, OLD.value,
      OLD.note, OLD.recorded_by_user_id, OLD.recorded_by_employee_id, OLD.on_behalf, OLD.created_at) THEN
    RAISE EXCEPTION 'realization entries are immutable (entry %)', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER realization_entries_immutable BEFORE UPDATE ON "realization_entries"
  FOR EACH ROW EXECUTE FUNCTION realization_entries_immutable();
