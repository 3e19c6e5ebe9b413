CREATE TABLE "projection_issue" (
	"project_id" uuid NOT NULL,
	"board" text NOT NULL,
	"item_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "projection_issue_project_id_board_item_id_pk" PRIMARY KEY("project_id","board","item_id")
);
--> statement-breakpoint
ALTER TABLE "projection_issue" ADD CONSTRAINT "projection_issue_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;