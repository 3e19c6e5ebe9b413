// "Radar" in the top bar: the technology radar of the workspace you are working in (or a choice).
import type { Metadata } from 'next';
import { WorkspaceChooser } from '@/components/layout/WorkspaceChooser';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Radar' };

export default async function RadarChooser({ searchParams }: { searchParams: Promise<{ project?: string | string[] }> }) {
  return <WorkspaceChooser section="radar" projectParam={(await searchParams).project} />;
}
