// The process-wide services (config, database, auth, live boards) for code that runs inside Next's
// module graph: route handlers and server components. The custom server (server/main.ts) builds
// them first and publishes them (server/globals.ts); here they are looked up, not built again.
import 'server-only';
import { getDatabase } from '@/db';
import { createAuth, type Auth } from './auth';
import { config } from './env';
import { publishedAuth, publishedLiveBoards, publishedWebhooks } from './globals';
import { WebhookSender } from './status/webhooks';
import type { LiveBoards } from './collab/liveBoards';
import { createMailer, type Mailer } from './mail';

let fallbackAuth: Auth | undefined;
let fallbackWebhooks: WebhookSender | undefined;
let mailer: Mailer | null | undefined;

const liveBoardsNotRunning: LiveBoards = {
  async apply() {
    throw new Error('Live boards are not running: start Waymark with `npm start` or `npm run dev`.');
  },
  accessChanged() {},
  async closeProject() {},
  async closeBoard() {},
  resourcesChanged() {},
};

export function services() {
  const cfg = config();
  const { db } = getDatabase(cfg);
  const auth = publishedAuth() ?? (fallbackAuth ??= createAuth(db, cfg));
  const webhooks = publishedWebhooks() ?? (fallbackWebhooks ??= new WebhookSender(db, cfg.webhooks));
  mailer ??= cfg.mail ? createMailer(cfg.mail) : null;
  return { config: cfg, db, auth, live: publishedLiveBoards() ?? liveBoardsNotRunning, webhooks, mailer };
}
