// A meeting's live board (`meeting:<meetingId>`): agenda, run mode, shared notes, decisions and
// actions. Items it may link to are read here with their state; the board itself comes live.
import { TRPCError } from '@trpc/server';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { format } from 'date-fns';
import { linkTargets } from '@/components/meetings/linkTargets';
import { MeetingBoardLive } from '@/components/meetings/MeetingBoardLive';
import { EndMeetingButton } from '@/components/meetings/EndMeetingButton';
import { MeetingDetails } from '@/components/meetings/MeetingDetails';
import { MeetingEndedTools } from '@/components/meetings/MeetingEndedTools';
import { SinceLastMeeting } from '@/components/meetings/SinceLastMeeting';
import { currentSession, serverCaller } from '@/server/trpc-rsc';
import { loadProject } from '../../load-project';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Meeting' };

export default async function MeetingPage({ params }: { params: Promise<{ projectId: string; meetingId: string }> }) {
  const { projectId, meetingId } = await params;
  const project = await loadProject(projectId);
  const caller = await serverCaller();
  const meeting = await caller.meeting.get({ meetingId }).catch((error: unknown) => {
    // None, or one you may not see: as unknown as a project you are not a member of.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  });
  // Another project's meeting under this project's address is not one of its pages.
  if (meeting.projectId !== project.id) notFound();
  const [session, raid, plan, actions, since] = await Promise.all([
    currentSession(),
    caller.raid.list({ projectId: project.id }),
    caller.plan.get({ projectId: project.id }),
    caller.action.list({ projectId: project.id }),
    caller.meetingSince.get({ meetingId: meeting.id }),
  ]);
  // An archived project's board is read-only for everyone: shown as to a viewer.
  const role = project.archivedAt ? 'viewer' : project.role;
  const summary = {
    id: meeting.id,
    projectId: project.id,
    title: meeting.title,
    startsAt: new Date(meeting.startsAt).toISOString(),
    durationMinutes: meeting.durationMinutes,
    series: meeting.series,
    attendees: meeting.attendees,
  };
  const members = project.members.map((m) => ({ userId: m.userId, name: m.name }));
  return (
    <MeetingBoardLive
      meeting={summary}
      role={role}
      me={{ id: session!.user.id, name: session!.user.name }}
      members={members}
      targets={linkTargets(project.id, raid, plan)}
      knownActions={actions.map((a) => ({ id: a.id, title: a.title, status: a.status }))}
      today={format(new Date(), 'yyyy-MM-dd')}
      endedTools={<MeetingEndedTools projectId={project.id} meetingId={meeting.id} canReopen={role === 'owner'} canDraftUpdate={role !== 'viewer'} />}
      since={<SinceLastMeeting since={since} />}
      details={<MeetingDetails meeting={summary} role={role} choices={{ members, stakeholders: plan.stakeholders.map((s) => ({ id: s.id, name: s.name })) }} />}
      endMeeting={role === 'viewer' ? null : <EndMeetingButton meetingId={meeting.id} />}
    />
  );
}
