-- A published form version never changes (submissions refer to it): the database itself refuses
-- to update or delete a published row, whoever asks. A draft may be changed, deleted, or
-- published (the one update allowed is draft -> published, done by the service).
CREATE FUNCTION form_versions_refuse_published_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'form version % is published and cannot be changed: % is not allowed', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER form_versions_published_immutable BEFORE UPDATE OR DELETE ON form_versions
  FOR EACH ROW EXECUTE FUNCTION form_versions_refuse_published_change();
