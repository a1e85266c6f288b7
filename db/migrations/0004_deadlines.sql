CREATE TABLE "equated_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"reason" text NOT NULL,
	"decree_reference" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "equated_days" ADD CONSTRAINT "equated_days_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "equated_days_date_unique" ON "equated_days" USING btree ("date");--> statement-breakpoint
CREATE INDEX "equated_days_created_by" ON "equated_days" USING btree ("created_by");