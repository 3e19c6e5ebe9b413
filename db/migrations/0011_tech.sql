CREATE TABLE "tech_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"ecosystem" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"version" text DEFAULT '' NOT NULL,
	"latest_version" text,
	"latest_checked_at" timestamp with time zone,
	"eol_date" date,
	"owner_id" text,
	"owner_name" text DEFAULT '' NOT NULL,
	"licence" text DEFAULT '' NOT NULL,
	"cost_per_month_cents" integer,
	"fit_notes" text DEFAULT '' NOT NULL,
	"stakeholder_note" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT false NOT NULL,
	"quadrant" text NOT NULL,
	"ring" text NOT NULL,
	"ring_changed_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tech_item_identity" UNIQUE NULLS NOT DISTINCT("project_id","ecosystem","name"),
	CONSTRAINT "tech_item_kind" CHECK ("kind" in ('software', 'library', 'service', 'hardware', 'tool')),
	CONSTRAINT "tech_item_quadrant" CHECK ("quadrant" in ('techniques', 'platforms', 'tools', 'languages-frameworks')),
	CONSTRAINT "tech_item_ring" CHECK ("ring" in ('adopt', 'trial', 'assess', 'hold')),
	CONSTRAINT "tech_item_ecosystem" CHECK ("ecosystem" is null or "ecosystem" in ('npm', 'pypi', 'go', 'maven')),
	CONSTRAINT "tech_item_cost" CHECK ("tech_item"."cost_per_month_cents" is null or "tech_item"."cost_per_month_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tech_policy" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"denied_licences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_review" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"last_reviewed_at" timestamp with time zone NOT NULL,
	"last_reviewed_by" text
);
--> statement-breakpoint
CREATE TABLE "tech_ring_change" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_ring" text,
	"to_ring" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tech_item" ADD CONSTRAINT "tech_item_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_item" ADD CONSTRAINT "tech_item_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_item" ADD CONSTRAINT "tech_item_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_policy" ADD CONSTRAINT "tech_policy_workspace_id_workspace_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspace"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_policy" ADD CONSTRAINT "tech_policy_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_review" ADD CONSTRAINT "tech_review_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_review" ADD CONSTRAINT "tech_review_last_reviewed_by_user_id_fk" FOREIGN KEY ("last_reviewed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_ring_change" ADD CONSTRAINT "tech_ring_change_item_id_tech_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tech_item"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_ring_change" ADD CONSTRAINT "tech_ring_change_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_ring_change" ADD CONSTRAINT "tech_ring_change_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tech_ring_change_item_idx" ON "tech_ring_change" USING btree ("item_id","id");