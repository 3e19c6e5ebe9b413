// The plan's milestones as a calendar feed. A signed-in member reads it with their session; a
// calendar app reads it with the project's secret feed token (`?token=`), which the owner rotates.
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { planCalendarFeed, project } from '@/db/schema';
import { findMembership } from '@/server/data/membership';
import { milestonesCalendar } from '@/server/domain/planCalendar';
import { readPlan } from '@/server/routers/plan';
import { services } from '@/server/services';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const parsed = z.uuid().safeParse((await params).projectId);
  if (!parsed.success) return notFound();
  const projectId = parsed.data;
  const { config, db, auth } = services();
  const token = new URL(req.url).searchParams.get('token');

  let allowed = false;
  if (token) {
    const [feed] = await db.select({ token: planCalendarFeed.token }).from(planCalendarFeed).where(eq(planCalendarFeed.projectId, projectId));
    allowed = Boolean(feed && sameToken(feed.token, token));
  } else {
    const session = await auth.api.getSession({ headers: req.headers });
    allowed = Boolean(session && (await findMembership(db, projectId, session.user.id)));
  }
  // Strangers and wrong tokens learn nothing about whether the project exists.
  if (!allowed) return notFound();

  const [row] = await db.select({ name: project.name }).from(project).where(eq(project.id, projectId));
  if (!row) return notFound();
  const plan = await readPlan(db, projectId);
  return new Response(milestonesCalendar(row.name, projectId, plan.items, config.appUrl), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="milestones.ics"`,
      'cache-control': 'private, no-store',
    },
  });
}
