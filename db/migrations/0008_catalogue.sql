CREATE TABLE "product_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"staff_user_id" uuid,
	"kind" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_message_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"message_type" text NOT NULL,
	"official" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "channel_designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"message_type" text NOT NULL,
	"channel_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"decision_title" text NOT NULL,
	"decision_date" date NOT NULL,
	"decision_url" text,
	"condition_level" text,
	"max_file_size_mb" integer,
	"allowed_file_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	CONSTRAINT "channel_designations_period" CHECK ("channel_designations"."valid_to" is null or "channel_designations"."valid_to" >= "channel_designations"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "channels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"address" text NOT NULL,
	"details_nl" text,
	"details_en" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "channels_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "upl_name" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_nl" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "audience" text DEFAULT 'both' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "resident_level" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "business_level" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "decision_term_amount" integer;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "decision_term_unit" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "decision_term_kind" text;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "atw_applies" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "receipt_route" text DEFAULT 'portal-and-email' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "copy_given" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "legal_basis" text;--> statement-breakpoint
ALTER TABLE "product_changes" ADD CONSTRAINT "product_changes_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_changes" ADD CONSTRAINT "product_changes_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_message_types" ADD CONSTRAINT "product_message_types_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_designations" ADD CONSTRAINT "channel_designations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_designations" ADD CONSTRAINT "channel_designations_channel_id_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."channels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_designations" ADD CONSTRAINT "channel_designations_created_by_staff_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_designations" ADD CONSTRAINT "channel_designations_ended_by_staff_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "product_changes_product_idx" ON "product_changes" USING btree ("product_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "product_message_types_unique" ON "product_message_types" USING btree ("product_id","message_type");--> statement-breakpoint
CREATE INDEX "channel_designations_lookup_idx" ON "channel_designations" USING btree ("product_id","message_type","channel_id");--> statement-breakpoint
CREATE INDEX "channel_designations_in_force_idx" ON "channel_designations" USING btree ("valid_from","valid_to");--> statement-breakpoint
CREATE INDEX "products_active_topic_idx" ON "products" USING btree ("active","topic","sort_order");--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_term_complete" CHECK (("products"."decision_term_amount" is null) = ("products"."decision_term_unit" is null));