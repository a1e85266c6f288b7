-- The files sent with an official message are part of the message (R17): like the message, they
-- are never changed or deleted, whoever asks. refuse_change_of_record() is from 0011.
CREATE TRIGGER inbox_message_attachments_immutable BEFORE UPDATE OR DELETE ON inbox_message_attachments
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_record();
