// A project's own address opens its plan, the first of its tabs (where a new project starts).
import { redirect } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  redirect(`/p/${(await params).projectId}/plan`);
}
