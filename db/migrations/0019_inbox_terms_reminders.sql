CREATE TABLE "inbox_message_terms" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"counted_from" timestamp with time zone NOT NULL,
	"ends_on" date NOT NULL,
	"notification_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbox_reminders" (
	"message_id" uuid NOT NULL,
	"term_ends_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_reminders_message_id_term_ends_on_days_before_pk" PRIMARY KEY("message_id","term_ends_on","days_before")
);
--> statement-breakpoint
ALTER TABLE "inbox_message_terms" ADD CONSTRAINT "inbox_message_terms_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_message_terms" ADD CONSTRAINT "inbox_message_terms_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_reminders" ADD CONSTRAINT "inbox_reminders_message_id_inbox_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."inbox_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbox_message_terms_ends_on_idx" ON "inbox_message_terms" USING btree ("ends_on");--> statement-breakpoint
CREATE INDEX "notifications_message_ref_idx" ON "notifications" USING btree ("message_ref") WHERE "notifications"."message_ref" is not null;--> statement-breakpoint
CREATE INDEX "notifications_resent_delivered_idx" ON "notifications" USING btree ("delivered_at") WHERE "notifications"."message_ref" is not null and "notifications"."attempt_count" > 1 and "notifications"."status" = 'delivered';--> statement-breakpoint
CREATE INDEX "inbox_messages_term_ends_idx" ON "inbox_messages" USING btree ("term_ends_on") WHERE "inbox_messages"."term_ends_on" is not null;