-- Ballot and tally rules are frozen once a cycle holds its first ballot. The cycles service also
-- refuses such changes, but this trigger holds whoever writes: a cast locks the cycle row FOR
-- SHARE and a settings change takes it FOR UPDATE, so the check below cannot go stale.
-- The error names the constraint `cycles_ballot_frozen`; the API maps it to a 409.
CREATE FUNCTION "cycles_ballot_frozen"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "ballots" b WHERE b."cycle_id" = NEW."id") THEN
    RAISE EXCEPTION 'the ballot and tally settings of cycle % are frozen: it already holds ballots', NEW."id"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cycles_ballot_frozen';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "cycles_ballot_frozen"
  BEFORE UPDATE OF "ballot", "tally" ON "cycles"
  FOR EACH ROW
  WHEN (OLD."ballot" IS DISTINCT FROM NEW."ballot" OR OLD."tally" IS DISTINCT FROM NEW."tally")
  EXECUTE FUNCTION "cycles_ballot_frozen"();
