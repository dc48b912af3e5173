-- A cycle's pot budgets must add up to its total budget. The service checks this inside its
-- transaction; these deferred constraint triggers re-check it at COMMIT, so the database never
-- holds a mismatched cycle whoever writes to it (pots and totals may change in any order inside
-- one transaction).
CREATE FUNCTION "cycle_pots_match_total"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target uuid;
  total bigint;
  pot_sum bigint;
BEGIN
  IF TG_TABLE_NAME = 'cycles' THEN
    target := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    target := OLD.cycle_id;
  ELSE
    target := NEW.cycle_id;
  END IF;
  SELECT c.total_budget INTO total FROM cycles c WHERE c.id = target;
  IF NOT FOUND THEN
    RETURN NULL; -- the cycle itself was deleted
  END IF;
  SELECT coalesce(sum(p.budget), 0) INTO pot_sum FROM pots p WHERE p.cycle_id = target;
  IF pot_sum <> total THEN
    RAISE EXCEPTION 'pot budgets of cycle % add up to %, not the total budget %', target, pot_sum, total
      USING ERRCODE = 'check_violation', CONSTRAINT = 'cycle_pots_match_total';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pots_match_cycle_total"
  AFTER INSERT OR UPDATE OR DELETE ON "pots"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "cycle_pots_match_total"();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "cycles_total_matches_pots"
  AFTER INSERT OR UPDATE OF "total_budget" ON "cycles"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "cycle_pots_match_total"();
