CREATE TABLE "plan_baseline" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"saved_at" timestamp with time zone NOT NULL,
	"saved_by" text,
	"dates" jsonb NOT NULL,
	CONSTRAINT "plan_baseline_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_calendar_feed" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rotated_by" text,
	CONSTRAINT "plan_calendar_feed_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "plan_charter" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"scope" jsonb NOT NULL,
	"non_goals" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_date_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"item_title" text NOT NULL,
	"field" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"actor_id" text,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_dependency" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"from_id" text NOT NULL,
	"to_id" text NOT NULL,
	CONSTRAINT "plan_dependency_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_goal" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"metric" text DEFAULT '' NOT NULL,
	"baseline" double precision,
	"target" double precision,
	"current" double precision,
	"due_date" date,
	"progress" integer,
	CONSTRAINT "plan_goal_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_item" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_id" text,
	"status" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"milestone_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "plan_item_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_raci" (
	"project_id" uuid NOT NULL,
	"subject_id" text NOT NULL,
	"stakeholder_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "plan_raci_project_id_subject_id_stakeholder_id_pk" PRIMARY KEY("project_id","subject_id","stakeholder_id")
);
--> statement-breakpoint
CREATE TABLE "plan_stakeholder" (
	"project_id" uuid NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"member_id" text,
	"influence" integer NOT NULL,
	"interest" integer NOT NULL,
	"quadrant" text NOT NULL,
	"channel" text NOT NULL,
	"frequency" text NOT NULL,
	CONSTRAINT "plan_stakeholder_project_id_id_pk" PRIMARY KEY("project_id","id")
);
--> statement-breakpoint
ALTER TABLE "raid_item" ADD COLUMN "threatens" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_baseline" ADD CONSTRAINT "plan_baseline_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_calendar_feed" ADD CONSTRAINT "plan_calendar_feed_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_calendar_feed" ADD CONSTRAINT "plan_calendar_feed_rotated_by_user_id_fk" FOREIGN KEY ("rotated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_charter" ADD CONSTRAINT "plan_charter_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_date_change" ADD CONSTRAINT "plan_date_change_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_dependency" ADD CONSTRAINT "plan_dependency_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goal" ADD CONSTRAINT "plan_goal_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_item" ADD CONSTRAINT "plan_item_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_raci" ADD CONSTRAINT "plan_raci_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_stakeholder" ADD CONSTRAINT "plan_stakeholder_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_date_change_item_idx" ON "plan_date_change" USING btree ("project_id","item_id","id");--> statement-breakpoint
CREATE INDEX "plan_item_project_end_idx" ON "plan_item" USING btree ("project_id","kind","end_date");