CREATE TYPE "public"."milestone_status" AS ENUM('planned', 'in_progress', 'done');--> statement-breakpoint
CREATE TABLE "cycle_tallies" (
	"cycle_id" uuid PRIMARY KEY NOT NULL,
	"result_hash" text NOT NULL,
	"tallied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"tallied_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" "milestone_status" DEFAULT 'planned' NOT NULL,
	"due_on" date,
	"completed_on" date,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestones_title_length" CHECK (char_length("milestones"."title") between 1 and 200),
	CONSTRAINT "milestones_completed_only_when_done" CHECK ("milestones"."completed_on" is null or "milestones"."status" = 'done')
);
--> statement-breakpoint
CREATE TABLE "pot_results" (
	"pot_id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"rule_key" text NOT NULL,
	"tie_break" jsonb NOT NULL,
	"ballot_kind" text NOT NULL,
	"budget" bigint NOT NULL,
	"spent" bigint NOT NULL,
	"ballot_count" integer NOT NULL,
	"ballots_hash" text NOT NULL,
	"funded" jsonb NOT NULL,
	"projects" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"equal_shares" jsonb,
	"engine_explanation" jsonb NOT NULL,
	CONSTRAINT "pot_results_spent_within_budget" CHECK ("pot_results"."spent" <= "pot_results"."budget"),
	CONSTRAINT "pot_results_ballot_count_nonnegative" CHECK ("pot_results"."ballot_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "project_delivery" (
	"proposal_id" uuid PRIMARY KEY NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "project_delivery_progress_range" CHECK ("project_delivery"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_updates_body_length" CHECK (char_length("project_updates"."body") between 1 and 4000)
);
--> statement-breakpoint
ALTER TABLE "wards" ADD COLUMN "population_by_age" jsonb;--> statement-breakpoint
ALTER TABLE "cycle_tallies" ADD CONSTRAINT "cycle_tallies_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_tallies" ADD CONSTRAINT "cycle_tallies_tallied_by_users_id_fk" FOREIGN KEY ("tallied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_tallies" ADD CONSTRAINT "cycle_tallies_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pot_results" ADD CONSTRAINT "pot_results_pot_id_pots_id_fk" FOREIGN KEY ("pot_id") REFERENCES "public"."pots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pot_results" ADD CONSTRAINT "pot_results_cycle_id_cycle_tallies_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycle_tallies"("cycle_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_delivery" ADD CONSTRAINT "project_delivery_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_delivery" ADD CONSTRAINT "project_delivery_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "milestones_proposal_idx" ON "milestones" USING btree ("proposal_id","position");--> statement-breakpoint
CREATE INDEX "pot_results_cycle_idx" ON "pot_results" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "project_updates_proposal_idx" ON "project_updates" USING btree ("proposal_id","posted_at");--> statement-breakpoint
-- A published result is a public record: once `cycle_tallies.published_at` is set, neither the
-- tally row nor any pot result can be changed, added or removed by any writer. The error names
-- the constraint `results_published_frozen`; the API maps it to a 409.
CREATE FUNCTION "results_published_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
BEGIN
  IF TG_TABLE_NAME = 'cycle_tallies' THEN
    IF OLD."published_at" IS NOT NULL THEN
      RAISE EXCEPTION 'the results of cycle % are published and cannot change', OLD."cycle_id"
        USING ERRCODE = 'check_violation', CONSTRAINT = 'results_published_frozen';
    END IF;
  ELSE
    target := CASE WHEN TG_OP = 'INSERT' THEN NEW."cycle_id" ELSE OLD."cycle_id" END;
    IF EXISTS (SELECT 1 FROM "cycle_tallies" t WHERE t."cycle_id" = target AND t."published_at" IS NOT NULL) THEN
      RAISE EXCEPTION 'the results of cycle % are published and cannot change', target
        USING ERRCODE = 'check_violation', CONSTRAINT = 'results_published_frozen';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "cycle_tallies_published_frozen"
  BEFORE UPDATE OR DELETE ON "cycle_tallies"
  FOR EACH ROW EXECUTE FUNCTION "results_published_frozen"();--> statement-breakpoint
CREATE TRIGGER "pot_results_published_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "pot_results"
  FOR EACH ROW EXECUTE FUNCTION "results_published_frozen"();
