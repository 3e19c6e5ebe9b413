// Whether a merged text is two people's typing woven together, each keeping the order of their own
// characters: what "both keep their words" means when two people type at the same place at once.
export function isInterleaving(merged: string, a: string, b: string): boolean {
  if (merged.length !== a.length + b.length) return false;
  // reachable[j]: the first i characters of `a` and j of `b` can make the first i + j of `merged`.
  let reachable = Array.from({ length: b.length + 1 }, (_, j) => merged.startsWith(b.slice(0, j)));
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<boolean>(b.length + 1).fill(false);
    for (let j = 0; j <= b.length; j++) {
      const c = merged[i + j - 1];
      next[j] = (reachable[j]! && a[i - 1] === c) || (j > 0 && next[j - 1]! && b[j - 1] === c);
    }
    reachable = next;
  }
  return reachable[b.length]!;
}
