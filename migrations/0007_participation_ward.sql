ALTER TABLE "participation" ADD COLUMN "ward_id" uuid;--> statement-breakpoint
ALTER TABLE "participation" ADD CONSTRAINT "participation_ward_id_wards_id_fk" FOREIGN KEY ("ward_id") REFERENCES "public"."wards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- Participation rows cast before this migration: the ward as the councillor figures read it until
-- now (the staff-verified ward when the cycle requires verification, else the verified ward if there
-- is one, else the home ward), kept only when that ward has a pot in the cycle (no one can have voted
-- as a ward outside it). The rest stay null, and the figures keep reading the current ward for them.
UPDATE "participation" AS p
SET "ward_id" = decided."ward_id"
FROM (
	SELECT q."cycle_id", q."user_id",
		CASE WHEN c."eligibility"->>'wardEstablishment' = 'verified' THEN v."ward_id"
			ELSE coalesce(v."ward_id", u."home_ward_id") END AS "ward_id"
	FROM "participation" AS q
	JOIN "cycles" AS c ON c."id" = q."cycle_id"
	JOIN "users" AS u ON u."id" = q."user_id"
	LEFT JOIN "ward_verifications" AS v ON v."user_id" = q."user_id"
) AS decided
WHERE decided."cycle_id" = p."cycle_id" AND decided."user_id" = p."user_id" AND p."ward_id" IS NULL
	AND EXISTS (SELECT 1 FROM "pots" AS w WHERE w."cycle_id" = decided."cycle_id" AND w."ward_id" = decided."ward_id");
