CREATE TABLE "delivery_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"key" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"type" text DEFAULT '' NOT NULL,
	"estimate" double precision,
	"labels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"plan_item_id" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_item_key" UNIQUE("project_id","key"),
	CONSTRAINT "delivery_item_key_length" CHECK (char_length("delivery_item"."key") between 1 and 200),
	CONSTRAINT "delivery_item_title_length" CHECK (char_length("delivery_item"."title") <= 500),
	CONSTRAINT "delivery_item_type_length" CHECK (char_length("delivery_item"."type") <= 100),
	CONSTRAINT "delivery_item_estimate" CHECK ("delivery_item"."estimate" is null or ("delivery_item"."estimate" >= 0 and "delivery_item"."estimate" <= 1000000)),
	CONSTRAINT "delivery_item_dates" CHECK (("delivery_item"."resolved_at" is null or "delivery_item"."resolved_at" >= "delivery_item"."created_at") and ("delivery_item"."started_at" is null or "delivery_item"."started_at" >= "delivery_item"."created_at"))
);
--> statement-breakpoint
CREATE TABLE "delivery_mapping" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery_item" ADD CONSTRAINT "delivery_item_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_mapping" ADD CONSTRAINT "delivery_mapping_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_mapping" ADD CONSTRAINT "delivery_mapping_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_item_resolved_idx" ON "delivery_item" USING btree ("project_id","resolved_at");