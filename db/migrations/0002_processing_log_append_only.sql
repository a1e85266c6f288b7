-- The processing log (R29) is append-only: the database itself refuses to change or remove an entry,
-- whoever asks. TRUNCATE is refused too.
CREATE FUNCTION processing_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'processing_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER processing_log_no_update_delete BEFORE UPDATE OR DELETE ON processing_log
  FOR EACH ROW EXECUTE FUNCTION processing_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER processing_log_no_truncate BEFORE TRUNCATE ON processing_log
  FOR EACH STATEMENT EXECUTE FUNCTION processing_log_refuse_change();
