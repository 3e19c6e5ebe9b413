// pom.xml, read with fast-xml-parser (never with patterns): the project's dependencies as
// `groupId:artifactId` with their versions, `${property}` references resolved from <properties>
// (and ${project.version}); a dependency without a version takes the one <dependencyManagement>
// gives. Entities are not expanded (no entity tricks reach the parser's output); a version that stays
// a `${...}` reference is kept as written and simply not compared.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { lineOfOffset, ManifestError, maxDependencyNameLength, maxVersionLength, quoted, where, type ManifestDependency } from './manifestParts';

type Node = Record<string | symbol, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: false,
  captureMetaData: true,
  isArray: (name) => name === 'dependency',
});
const metaData = XMLParser.getMetaDataSymbol() as unknown as symbol;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

function dependenciesOf(section: unknown): Node[] {
  if (!isNode(section) || !isNode(section.dependencies)) return [];
  const list = section.dependencies.dependency;
  return Array.isArray(list) ? list.filter(isNode) : [];
}

export function parsePomXml(content: string, fileName = 'pom.xml'): ManifestDependency[] {
  const valid = XMLValidator.validate(content);
  if (valid !== true) throw new ManifestError(`${where(fileName, valid.err.line)}: not well-formed XML (${valid.err.msg.slice(0, 120)})`);
  let document: Node;
  try {
    document = parser.parse(content) as Node;
  } catch (error) {
    throw new ManifestError(`${fileName}: cannot be read as XML (${(error instanceof Error ? error.message : String(error)).slice(0, 120)})`);
  }
  const project = document.project;
  if (!isNode(project)) throw new ManifestError(`${fileName}: has no <project> element at the top`);

  const properties = new Map<string, string>();
  if (isNode(project.properties)) for (const [key, value] of Object.entries(project.properties)) properties.set(key, textOf(value));
  const projectVersion = textOf(project.version) || (isNode(project.parent) ? textOf(project.parent.version) : '');
  if (projectVersion) {
    properties.set('project.version', projectVersion);
    properties.set('version', projectVersion);
  }
  if (isNode(project.parent)) properties.set('project.parent.version', textOf(project.parent.version));
  // Properties may name other properties; a few rounds settle any sane chain and stop a cycle.
  const resolve = (text: string) => {
    let value = text;
    for (let round = 0; round < 5 && value.includes('${'); round++) value = value.replace(/\$\{([^}]+)\}/g, (whole, key: string) => properties.get(key) ?? whole);
    return value;
  };

  const managed = new Map<string, string>();
  for (const dependency of dependenciesOf(project.dependencyManagement)) {
    const key = `${resolve(textOf(dependency.groupId))}:${resolve(textOf(dependency.artifactId))}`;
    managed.set(key, resolve(textOf(dependency.version)));
  }

  const found = new Map<string, ManifestDependency>();
  for (const dependency of dependenciesOf(project)) {
    const meta = dependency[metaData] as { startIndex?: number } | undefined;
    const at = where(fileName, meta?.startIndex === undefined ? undefined : lineOfOffset(content, meta.startIndex));
    const groupId = resolve(textOf(dependency.groupId));
    const artifactId = resolve(textOf(dependency.artifactId));
    if (!groupId || !artifactId) throw new ManifestError(`${at}: a <dependency> needs both a <groupId> and an <artifactId>`);
    const name = `${groupId}:${artifactId}`;
    if (name.length > maxDependencyNameLength) throw new ManifestError(`${at}: ${quoted(name)} is longer than ${maxDependencyNameLength} characters`);
    const version = resolve(textOf(dependency.version)) || managed.get(name) || '';
    if (version.length > maxVersionLength) throw new ManifestError(`${at}: the version of ${quoted(name)} is longer than ${maxVersionLength} characters`);
    found.set(name, { name, ecosystem: 'maven', version });
  }
  return [...found.values()];
}
