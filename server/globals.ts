// The custom server and Next's route handlers are two module graphs in one process. The services
// the custom server builds once (auth, live boards) are published here for the other graph.
import type { Auth } from './auth';
import type { LiveBoards } from './collab/liveBoards';
import type { WebhookSender } from './status/webhooks';

const slots = globalThis as unknown as { __waymarkAuth?: Auth; __waymarkLiveBoards?: LiveBoards; __waymarkWebhooks?: WebhookSender };

export function publishServices(services: { auth: Auth; live: LiveBoards; webhooks: WebhookSender }): void {
  slots.__waymarkAuth = services.auth;
  slots.__waymarkLiveBoards = services.live;
  slots.__waymarkWebhooks = services.webhooks;
}

export function publishedWebhooks(): WebhookSender | undefined {
  return slots.__waymarkWebhooks;
}

export function publishedAuth(): Auth | undefined {
  return slots.__waymarkAuth;
}

export function publishedLiveBoards(): LiveBoards | undefined {
  return slots.__waymarkLiveBoards;
}
