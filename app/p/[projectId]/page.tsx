import { redirect } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  redirect(`/p/${(await params).projectId}/risks`);
}
