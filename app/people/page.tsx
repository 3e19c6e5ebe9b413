// "People" in the top bar: the people page of the workspace you are working in (or a choice).
import type { Metadata } from 'next';
import { WorkspaceChooser } from '@/components/layout/WorkspaceChooser';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'People' };

export default async function PeopleChooser({ searchParams }: { searchParams: Promise<{ project?: string | string[] }> }) {
  return <WorkspaceChooser section="people" projectParam={(await searchParams).project} />;
}
