// tRPC over HTTP at /api/trpc: the API guard, then the router (server/http/trpcHandler.ts).
import { handleTrpcRequest } from '@/server/http/trpcHandler';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return handleTrpcRequest(req, services());
}

export { handler as GET, handler as POST };
