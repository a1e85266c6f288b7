-- A submission as received is evidence (R5-R7): the database itself refuses to change or delete
-- a submission, its attachments, or a case event, whoever asks. Inbox messages are immutable
-- once placed (R17); the one change allowed is setting first_opened_at once (R16).
CREATE FUNCTION refuse_change_of_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% rows are a record and cannot be changed: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER submissions_immutable BEFORE UPDATE OR DELETE ON submissions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
--> statement-breakpoint
CREATE TRIGGER submission_attachments_immutable BEFORE UPDATE OR DELETE ON submission_attachments
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
--> statement-breakpoint
CREATE TRIGGER case_events_immutable BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
--> statement-breakpoint
CREATE FUNCTION inbox_messages_only_first_opened() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'inbox message % cannot be deleted', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.first_opened_at IS NULL AND NEW.first_opened_at IS NOT NULL
     AND (to_jsonb(NEW) - 'first_opened_at') = (to_jsonb(OLD) - 'first_opened_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'inbox message % is immutable; only first_opened_at may be set, once', OLD.id USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER inbox_messages_immutable BEFORE UPDATE OR DELETE ON inbox_messages
  FOR EACH ROW EXECUTE FUNCTION inbox_messages_only_first_opened();
