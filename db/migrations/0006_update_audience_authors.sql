CREATE TYPE "public"."update_audience" AS ENUM('internal', 'public');--> statement-breakpoint
CREATE TABLE "status_update_author" (
	"update_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"first_saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_update_author_update_id_user_id_pk" PRIMARY KEY("update_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "status_update" ADD COLUMN "audience" "update_audience" DEFAULT 'internal' NOT NULL;--> statement-breakpoint
ALTER TABLE "status_update" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "status_update" ADD COLUMN "updated_by" text;--> statement-breakpoint
ALTER TABLE "status_update" ADD COLUMN "published_by" text;--> statement-breakpoint
ALTER TABLE "status_update_author" ADD CONSTRAINT "status_update_author_update_id_status_update_id_fk" FOREIGN KEY ("update_id") REFERENCES "public"."status_update"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_update_author" ADD CONSTRAINT "status_update_author_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_update" ADD CONSTRAINT "status_update_published_by_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Updates published before audiences existed were on the public page: they stay public. Drafts become internal.
UPDATE "status_update" SET "audience" = 'public', "published_by" = "author_id" WHERE "published_at" IS NOT NULL;--> statement-breakpoint
UPDATE "status_update" SET "updated_by" = "author_id", "revision" = GREATEST("version", 1);--> statement-breakpoint
INSERT INTO "status_update_author" ("update_id", "user_id", "first_saved_at") SELECT "id", "author_id", "created_at" FROM "status_update" WHERE "author_id" IS NOT NULL;
