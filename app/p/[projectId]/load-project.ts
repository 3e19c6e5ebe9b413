// Reads one project for its pages (once per request): strangers get a 404, signed-out visitors
// are sent to sign in and brought back.
import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { serverCaller } from '@/server/trpc-rsc';

export const loadProject = cache(async (projectId: string) => {
  const caller = await serverCaller();
  try {
    return await caller.project.get({ projectId });
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === 'UNAUTHORIZED') redirect(`/sign-in?next=${encodeURIComponent(`/p/${projectId}`)}`);
      // A malformed id is as unknown as a project you are not a member of.
      if (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST') notFound();
    }
    throw error;
  }
});

export type LoadedProject = Awaited<ReturnType<typeof loadProject>>;
