// Home: a short introduction for visitors; signed-in people go straight to their projects.
import { redirect } from 'next/navigation';
import { ButtonLink } from '@/components/ui/button';
import { currentSession } from '@/server/trpc-rsc';

export const dynamic = 'force-dynamic';

const highlights = [
  {
    title: 'A live risk board',
    body: 'Risks, assumptions, issues and dependencies scored by likelihood and impact, on a heat map the whole team edits at once in the risk review.',
  },
  {
    title: 'Nothing is lost',
    body: 'Every change is kept with who made it and when. Work carries on offline and merges when you are back.',
  },
  {
    title: 'The right people, the right rights',
    body: 'Owners run the project, editors change it, viewers follow along live without touching a thing.',
  },
];

export default async function HomePage() {
  if (await currentSession()) redirect('/projects');
  return (
    <div className="mx-auto flex w-full max-w-5xl flex-1 flex-col justify-center px-4 py-16 sm:px-6">
      <p className="text-sm font-medium text-accent">Waymark</p>
      <h1 className="mt-3 max-w-2xl text-3xl font-semibold tracking-tight text-balance sm:text-5xl">
        The live workspace of a technical project manager.
      </h1>
      <p className="mt-5 max-w-2xl text-base leading-relaxed text-pretty text-muted sm:text-lg">
        Waymark keeps a project&apos;s risks in sight and its people in step: the plan, the RAID log and the status
        are shared boards that engineers and stakeholders read and edit together, live, in the browser.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <ButtonLink href="/sign-up" variant="primary">
          Sign up
        </ButtonLink>
        <ButtonLink href="/sign-in">Sign in</ButtonLink>
      </div>
      <ul className="mt-16 grid gap-4 sm:grid-cols-3">
        {highlights.map((h) => (
          <li key={h.title} className="rounded-lg border border-line bg-surface p-5">
            <h2 className="text-sm font-semibold">{h.title}</h2>
            <p className="mt-2 text-sm leading-relaxed text-muted">{h.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
