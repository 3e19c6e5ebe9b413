CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"series" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_action" (
	"project_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"owner_id" text,
	"due" date,
	"status" text NOT NULL,
	"link" jsonb,
	"done_at" timestamp with time zone,
	"done_by" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_action_meeting_id_id_pk" PRIMARY KEY("meeting_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_decision" (
	"project_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"id" text NOT NULL,
	"text" text NOT NULL,
	"decided_by" text DEFAULT '' NOT NULL,
	"decided_at" date NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meeting_decision_meeting_id_id_pk" PRIMARY KEY("meeting_id","id")
);
--> statement-breakpoint
CREATE TABLE "risk_review" (
	"project_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"risk_id" text NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	CONSTRAINT "risk_review_meeting_id_risk_id_pk" PRIMARY KEY("meeting_id","risk_id")
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_action" ADD CONSTRAINT "meeting_action_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_review" ADD CONSTRAINT "risk_review_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_review" ADD CONSTRAINT "risk_review_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_project_starts_idx" ON "meeting" USING btree ("project_id","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_project_series_idx" ON "meeting" USING btree ("project_id","series","starts_at");--> statement-breakpoint
CREATE INDEX "meeting_action_project_idx" ON "meeting_action" USING btree ("project_id","status","due");--> statement-breakpoint
CREATE INDEX "meeting_action_owner_idx" ON "meeting_action" USING btree ("owner_id","status","due");--> statement-breakpoint
CREATE INDEX "meeting_decision_project_idx" ON "meeting_decision" USING btree ("project_id","decided_at");--> statement-breakpoint
CREATE INDEX "risk_review_project_risk_idx" ON "risk_review" USING btree ("project_id","risk_id","reviewed_at");