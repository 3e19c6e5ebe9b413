// go.mod: the modules a Go module requires directly, from `require x v1.2.3` lines and
// `require ( ... )` blocks. Requirements marked `// indirect` are left out (npm's import takes direct
// dependencies only, and the two should read alike); replace, exclude, retract and tool directives
// are skipped. Module paths may be quoted.
import { ManifestError, maxDependencyNameLength, maxVersionLength, quoted, where, type ManifestDependency } from './manifestParts';

/** `path version`, either part possibly in double or back quotes. */
const requirementLine = /^("[^"]+"|`[^`]+`|\S+)\s+("[^"]+"|\S+)$/;
const unquote = (text: string) => text.replace(/^["`]|["`]$/g, '');

export function parseGoMod(content: string, fileName = 'go.mod'): ManifestDependency[] {
  const found = new Map<string, ManifestDependency>();
  const lines = content.split(/\r?\n/);
  /** The directive whose block we are in, and the line it opened on. */
  let block: { directive: string; line: number } | null = null;
  const require = (text: string, line: number) => {
    const at = where(fileName, line);
    const match = requirementLine.exec(text);
    if (!match) throw new ManifestError(`${at}: cannot read ${quoted(text)} as a requirement (expected a module path and a version, like golang.org/x/net v0.17.0)`);
    const name = unquote(match[1]!);
    const version = unquote(match[2]!);
    if (!/^v\d/.test(version)) throw new ManifestError(`${at}: ${quoted(version)} is not a Go module version (they start with v, like v1.2.3)`);
    if (name.length > maxDependencyNameLength) throw new ManifestError(`${at}: the module path is longer than ${maxDependencyNameLength} characters`);
    if (version.length > maxVersionLength) throw new ManifestError(`${at}: the version of ${quoted(name)} is longer than ${maxVersionLength} characters`);
    found.set(name, { name, ecosystem: 'go', version });
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const indirect = /\/\/\s*indirect\b/.test(raw);
    const text = raw.replace(/\/\/.*$/, '').trim();
    if (!text) return;
    if (block) {
      if (text === ')') {
        block = null;
        return;
      }
      if (block.directive === 'require' && !indirect) require(text, line);
      return;
    }
    const directive = /^(\w+)\s*(.*)$/.exec(text);
    if (!directive) throw new ManifestError(`${where(fileName, line)}: cannot read ${quoted(text)}`);
    const [, name, rest] = directive;
    if (rest === '(') {
      block = { directive: name!, line };
      return;
    }
    if (name === 'require' && !indirect) require(rest!, line);
  });
  if (block) {
    const open = block as { directive: string; line: number };
    throw new ManifestError(`${where(fileName, open.line)}: the ${open.directive} block opened here is never closed with ")"`);
  }
  return [...found.values()];
}
