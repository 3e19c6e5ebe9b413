// What an empty delivery chart or forecast says: where to import delivery data, or who can.
/** Where to import delivery data, or who can. */
export function ImportFirst({ canImport }: { canImport: boolean }) {
  return canImport ? (
    <>
      No delivery data yet.{' '}
      <a href="#import-delivery" className="text-accent-ink underline">
        Import delivery data
      </a>{' '}
      (a CSV export from Jira, Linear or GitHub) to chart and forecast it.
    </>
  ) : (
    <>No delivery data yet: an editor of the project can import a CSV export from the tracker on this page.</>
  );
}
