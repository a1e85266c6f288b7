CREATE TABLE "inbox_archived_messages" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"party_id" uuid NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbox_messages" ADD COLUMN "term_rule" jsonb;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "in_reply_to_message_id" uuid;--> statement-breakpoint
ALTER TABLE "inbox_archived_messages" ADD CONSTRAINT "inbox_archived_messages_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_archived_messages" ADD CONSTRAINT "inbox_archived_messages_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_archived_messages_party_idx" ON "inbox_archived_messages" USING btree ("party_id");--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_in_reply_to_message_id_inbox_messages_id_fk" FOREIGN KEY ("in_reply_to_message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_in_reply_to_idx" ON "submissions" USING btree ("in_reply_to_message_id");