ALTER TABLE "submission_drafts" ALTER COLUMN "form_version_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "submissions" ALTER COLUMN "form_version_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "submission_drafts" ADD COLUMN "in_reply_to_message_id" uuid;--> statement-breakpoint
ALTER TABLE "submission_drafts" ADD CONSTRAINT "submission_drafts_in_reply_to_message_id_inbox_messages_id_fk" FOREIGN KEY ("in_reply_to_message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "submission_drafts_one_reply" ON "submission_drafts" USING btree ("party_id","in_reply_to_message_id") WHERE "submission_drafts"."form_version_id" is null;