ALTER TABLE "webhook_delivery" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "webhook_delivery" ADD COLUMN "retry_body" text;--> statement-breakpoint
CREATE INDEX "webhook_delivery_retry_idx" ON "webhook_delivery" USING btree ("retry_at") WHERE "webhook_delivery"."retry_at" is not null;