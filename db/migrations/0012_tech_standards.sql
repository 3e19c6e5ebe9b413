CREATE TABLE "milestone_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"milestone_checklist_id" uuid NOT NULL,
	"check_id" uuid NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"waive_reason" text DEFAULT '' NOT NULL,
	"evidence_url" text DEFAULT '' NOT NULL,
	"owner_user_id" text,
	"owner_name" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_check_state" CHECK ("milestone_check"."state" in ('pending', 'passed', 'failed', 'waived')),
	CONSTRAINT "milestone_check_waive_reason" CHECK ("milestone_check"."state" <> 'waived' or "milestone_check"."waive_reason" <> '')
);
--> statement-breakpoint
CREATE TABLE "milestone_checklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"milestone_id" text NOT NULL,
	"checklist_id" uuid NOT NULL,
	"applied_by" text,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checklist_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"applies_to" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "standard_checklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "milestone_check" ADD CONSTRAINT "milestone_check_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_check" ADD CONSTRAINT "milestone_check_milestone_checklist_id_milestone_checklist_id_fk" FOREIGN KEY ("milestone_checklist_id") REFERENCES "public"."milestone_checklist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_check" ADD CONSTRAINT "milestone_check_check_id_standard_check_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."standard_check"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_check" ADD CONSTRAINT "milestone_check_owner_user_id_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_check" ADD CONSTRAINT "milestone_check_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_checklist" ADD CONSTRAINT "milestone_checklist_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_checklist" ADD CONSTRAINT "milestone_checklist_checklist_id_standard_checklist_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."standard_checklist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_checklist" ADD CONSTRAINT "milestone_checklist_applied_by_user_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_check" ADD CONSTRAINT "standard_check_checklist_id_standard_checklist_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."standard_checklist"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_checklist" ADD CONSTRAINT "standard_checklist_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "standard_checklist" ADD CONSTRAINT "standard_checklist_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_check_unique_idx" ON "milestone_check" USING btree ("milestone_checklist_id","check_id");--> statement-breakpoint
CREATE INDEX "milestone_check_project_idx" ON "milestone_check" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_checklist_unique_idx" ON "milestone_checklist" USING btree ("project_id","milestone_id","checklist_id");--> statement-breakpoint
CREATE INDEX "milestone_checklist_checklist_idx" ON "milestone_checklist" USING btree ("checklist_id");--> statement-breakpoint
CREATE INDEX "standard_check_checklist_idx" ON "standard_check" USING btree ("checklist_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "standard_checklist_workspace_name_idx" ON "standard_checklist" USING btree ("workspace_id",lower("name"));