CREATE TABLE "board_generation" (
	"board" text NOT NULL,
	"generation" integer NOT NULL,
	"base" "bytea" NOT NULL,
	"base_state_vector" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_generation_board_generation_pk" PRIMARY KEY("board","generation")
);
