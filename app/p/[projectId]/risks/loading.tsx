// While the board's first paint is on its way: the board's shape, so nothing jumps when it lands.
export default function RisksLoading() {
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-col gap-5 px-4 py-5 sm:px-6" aria-busy="true" aria-live="polite">
      <p className="sr-only">Loading the risk board…</p>
      <div className="flex items-center gap-3">
        <div className="h-5 w-28 animate-pulse rounded bg-sunken" />
        <div className="h-4 w-20 animate-pulse rounded bg-sunken" />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-5 lg:grid-cols-[19rem_minmax(0,1fr)]">
        <div className="aspect-square animate-pulse rounded-lg border border-line bg-surface" />
        <div className="flex flex-col gap-3">
          <div className="h-14 animate-pulse rounded-lg bg-sunken" />
          <div className="h-80 animate-pulse rounded-lg border border-line bg-surface" />
        </div>
      </div>
    </div>
  );
}
