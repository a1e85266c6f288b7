CREATE TABLE "inbox_message_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"blob_key" text NOT NULL,
	"file_name" text NOT NULL,
	"file_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	CONSTRAINT "inbox_message_attachments_blob_key_unique" UNIQUE("blob_key")
);
--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD COLUMN "replaces_message_id" uuid;--> statement-breakpoint
ALTER TABLE "inbox_message_attachments" ADD CONSTRAINT "inbox_message_attachments_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_message_attachments_position" ON "inbox_message_attachments" USING btree ("message_id","position");--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD CONSTRAINT "inbox_messages_replaces_message_id_inbox_messages_id_fk" FOREIGN KEY ("replaces_message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_messages_replaces_idx" ON "inbox_messages" USING btree ("replaces_message_id");