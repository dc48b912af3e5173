CREATE TYPE "public"."vote_channel" AS ENUM('online', 'paper');--> statement-breakpoint
CREATE TABLE "ballot_idempotency" (
	"cycle_id" uuid NOT NULL,
	"voter_token" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"sealed_response" text NOT NULL,
	CONSTRAINT "ballot_idempotency_pk" PRIMARY KEY("cycle_id","voter_token","key")
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"cycle_id" uuid NOT NULL,
	"voter_token" text NOT NULL,
	"selections" jsonb NOT NULL,
	"receipt" text NOT NULL,
	"content_hash" text NOT NULL,
	CONSTRAINT "ballots_cycle_voter_unique" PRIMARY KEY("cycle_id","voter_token"),
	CONSTRAINT "ballots_cycle_receipt_unique" UNIQUE("cycle_id","receipt")
);
--> statement-breakpoint
CREATE TABLE "participation" (
	"cycle_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" "vote_channel" NOT NULL,
	"first_cast_at" timestamp with time zone NOT NULL,
	"last_cast_at" timestamp with time zone NOT NULL,
	"entered_by" uuid,
	CONSTRAINT "participation_cycle_user_unique" PRIMARY KEY("cycle_id","user_id"),
	CONSTRAINT "participation_online_has_no_clerk" CHECK ("participation"."channel" = 'paper' or "participation"."entered_by" is null)
);
--> statement-breakpoint
CREATE TABLE "ward_verifications" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"ward_id" uuid NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ballot_idempotency" ADD CONSTRAINT "ballot_idempotency_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_cycle_id_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_verifications" ADD CONSTRAINT "ward_verifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_verifications" ADD CONSTRAINT "ward_verifications_ward_id_wards_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."wards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ward_verifications" ADD CONSTRAINT "ward_verifications_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "participation_user_idx" ON "participation" USING btree ("user_id");