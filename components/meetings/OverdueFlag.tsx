// The flag on an open action past its due date, the same on the board and in every list.
export function OverdueFlag() {
  return <span className="shrink-0 rounded bg-danger-soft px-1.5 py-0.5 text-xs font-medium text-danger">Overdue</span>;
}
