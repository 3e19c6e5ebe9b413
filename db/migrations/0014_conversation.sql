CREATE TABLE "comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"author_id" text,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	CONSTRAINT "comment_body_length" CHECK (char_length("comment"."body") between 1 and 20000)
);
--> statement-breakpoint
CREATE TABLE "inbox_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"comment_id" uuid,
	"actor_id" text,
	"detail" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "inbox_read" (
	"user_id" text NOT NULL,
	"project_id" uuid NOT NULL,
	"entry_key" text NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_read_user_id_entry_key_pk" PRIMARY KEY("user_id","entry_key")
);
--> statement-breakpoint
ALTER TABLE "project" ADD COLUMN "viewers_may_comment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_entry" ADD CONSTRAINT "inbox_entry_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_entry" ADD CONSTRAINT "inbox_entry_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_entry" ADD CONSTRAINT "inbox_entry_comment_id_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_entry" ADD CONSTRAINT "inbox_entry_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_read" ADD CONSTRAINT "inbox_read_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbox_read" ADD CONSTRAINT "inbox_read_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_target_idx" ON "comment" USING btree ("project_id","target_kind","target_id","created_at");--> statement-breakpoint
CREATE INDEX "comment_search_idx" ON "comment" USING gin (to_tsvector('english', "body"));--> statement-breakpoint
CREATE INDEX "inbox_entry_user_idx" ON "inbox_entry" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "raid_item_search_idx" ON "raid_item" USING gin (to_tsvector('english', "title" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "status_update_search_idx" ON "status_update" USING gin (to_tsvector('english', "summary" || ' ' || "health_reason" || ' ' || "highlights" || ' ' || "lowlights" || ' ' || "asks" || ' ' || "next_steps"));--> statement-breakpoint
CREATE INDEX "plan_goal_search_idx" ON "plan_goal" USING gin (to_tsvector('english', "title" || ' ' || "metric"));--> statement-breakpoint
CREATE INDEX "plan_item_search_idx" ON "plan_item" USING gin (to_tsvector('english', "title" || ' ' || "description"));--> statement-breakpoint
CREATE INDEX "meeting_action_search_idx" ON "meeting_action" USING gin (to_tsvector('english', "title"));--> statement-breakpoint
CREATE INDEX "meeting_decision_search_idx" ON "meeting_decision" USING gin (to_tsvector('english', "text"));