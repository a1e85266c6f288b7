CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bucket" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"bsn_sealed" text,
	"bsn_hash" text,
	"kvk_number" text,
	"branch_number" text,
	"display_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "parties_identifier" CHECK (("parties"."kind" = 'person' and "parties"."bsn_hash" is not null and "parties"."bsn_sealed" is not null and "parties"."kvk_number" is null) or ("parties"."kind" = 'business' and "parties"."kvk_number" is not null and "parties"."bsn_hash" is null))
);
--> statement-breakpoint
CREATE TABLE "processing_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trace_id" text NOT NULL,
	"span_id" text NOT NULL,
	"parent_span_id" text,
	"status" text NOT NULL,
	"operation_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"processing_activity" text NOT NULL,
	"purpose" text NOT NULL,
	"data_subject_id" uuid NOT NULL,
	"data_subject_type" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_role" text
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"party_id" uuid,
	"staff_user_id" uuid,
	"method" text NOT NULL,
	"assurance_level" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"idle_timeout_seconds" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "sessions_subject" CHECK (("sessions"."party_id" is null) <> ("sessions"."staff_user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"oidc_issuer" text,
	"oidc_subject" text,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deactivated_at" timestamp with time zone,
	"last_login_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_staff_user_id_staff_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_bucket_at_idx" ON "login_attempts" USING btree ("bucket","at");--> statement-breakpoint
CREATE UNIQUE INDEX "parties_bsn_hash_unique" ON "parties" USING btree ("bsn_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "parties_kvk_unique" ON "parties" USING btree ("kvk_number",coalesce("branch_number", ''));--> statement-breakpoint
CREATE INDEX "processing_log_subject_idx" ON "processing_log" USING btree ("data_subject_id","started_at");--> statement-breakpoint
CREATE INDEX "processing_log_actor_idx" ON "processing_log" USING btree ("actor_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "sessions_party_idx" ON "sessions" USING btree ("party_id");--> statement-breakpoint
CREATE INDEX "sessions_staff_idx" ON "sessions" USING btree ("staff_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_unique" ON "staff_users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_oidc_unique" ON "staff_users" USING btree ("oidc_issuer","oidc_subject");