CREATE TABLE "blob_chunks" (
	"key" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blob_chunks_key_seq_pk" PRIMARY KEY("key","seq")
);
--> statement-breakpoint
CREATE TABLE "stored_blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"chunks" integer NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
