// The manifest parsers (package.json with its lockfile, requirements.txt, go.mod, pom.xml) on
// real-world shaped samples and malformed files, and the limits every import shares.
import { describe, expect, it } from 'vitest';
import { parseGoMod } from '@/server/domain/manifestGo';
import { parsePomXml } from '@/server/domain/manifestMaven';
import { lockedVersions, parsePackageJson } from '@/server/domain/manifestNpm';
import { normalisePythonName, parseRequirementsTxt } from '@/server/domain/manifestPython';
import { importChange, ManifestError, manifestKindOf, maxManifestBytes, parseManifest } from '@/server/domain/techManifest';

const versions = (deps: { name: string; version: string }[]) => Object.fromEntries(deps.map((d) => [d.name, d.version]));

/** The ManifestError message a call throws (fails the test when it throws nothing or something else). */
function manifestError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    return (error as Error).message;
  }
  throw new Error('expected a ManifestError');
}

describe('package.json', () => {
  const manifest = `{
  "name": "storefront",
  "private": true,
  "scripts": { "build": "next build" },
  "dependencies": {
    "next": "^16.0.0",
    "@tanstack/react-query": "~5.108.0",
    "react": "19.3.1",
    "internal-ui": "workspace:*"
  },
  "devDependencies": {
    "typescript": "^5.9.0",
    "react": "19.3.1"
  },
  "optionalDependencies": { "fsevents": "^2.3.3" },
  "peerDependencies": { "react-dom": ">=18" }
}`;

  it('reads dependencies, dev and optional ones (not peers), once each, with the ranges as written', () => {
    const deps = parsePackageJson(manifest);
    expect(deps.every((d) => d.ecosystem === 'npm')).toBe(true);
    expect(versions(deps)).toEqual({
      next: '^16.0.0',
      '@tanstack/react-query': '~5.108.0',
      react: '19.3.1',
      'internal-ui': 'workspace:*',
      typescript: '^5.9.0',
      fsevents: '^2.3.3',
    });
  });

  it('takes exact versions from a v3 lockfile (top-level installs only) and from a v1 lockfile', () => {
    const v3 = JSON.stringify({
      lockfileVersion: 3,
      packages: {
        '': { name: 'storefront' },
        'node_modules/next': { version: '16.4.6' },
        'node_modules/@tanstack/react-query': { version: '5.108.0' },
        'node_modules/some-lib/node_modules/react': { version: '17.0.2' },
        'node_modules/react': { version: '19.3.1' },
      },
    });
    expect(versions(parsePackageJson(manifest, v3))).toMatchObject({ next: '16.4.6', '@tanstack/react-query': '5.108.0', react: '19.3.1', typescript: '^5.9.0' });
    const v1 = JSON.stringify({ lockfileVersion: 1, dependencies: { next: { version: '12.3.4' }, typescript: { version: '4.9.5' } } });
    expect(lockedVersions(v1)).toEqual(new Map([['next', '12.3.4'], ['typescript', '4.9.5']]));
    expect(versions(parsePackageJson(manifest, v1))).toMatchObject({ next: '12.3.4', typescript: '4.9.5', react: '19.3.1' });
  });

  it('a package.json with no dependencies at all is fine (nothing to import)', () => {
    expect(parsePackageJson('{"name":"empty"}')).toEqual([]);
  });

  it('malformed: a trailing comma, a version that is not text, a section that is not an object, JSON that is not an object, a lockfile without packages', () => {
    expect(manifestError(() => parsePackageJson('{\n  "dependencies": {\n    "a": "1.0.0",\n  }\n}'))).toMatch(/^package\.json line 4: not valid JSON \(/);
    expect(manifestError(() => parsePackageJson('{\n  "dependencies": {\n    "a": 1\n  }\n}'))).toBe('package.json line 3: the version of “a” must be text');
    expect(manifestError(() => parsePackageJson('{\n  "dependencies": ["a"]\n}'))).toBe('package.json line 2: "dependencies" must be an object of package names and versions');
    expect(manifestError(() => parsePackageJson('[1, 2]'))).toBe('package.json: expected a JSON object at the top');
    expect(manifestError(() => parsePackageJson('')).startsWith('package.json')).toBe(true);
    expect(manifestError(() => parsePackageJson('{}', '{"lockfileVersion":3}'))).toBe('package-lock.json: has neither "packages" (lockfile v2/v3) nor "dependencies" (v1)');
    expect(manifestError(() => parsePackageJson('{}', '{\n"packages": {\n}}}'))).toMatch(/^package-lock\.json line 3: not valid JSON/);
  });
});

describe('requirements.txt', () => {
  const requirements = [
    '# Production dependencies',
    '-r base.txt',
    '--index-url https://pypi.org/simple',
    '-e git+https://github.com/org/lib.git#egg=lib',
    'Django>=4.2,<5.0',
    'requests[security,socks]==2.31.0  # pinned for the proxy',
    'celery ~= 5.3.4',
    'numpy==1.26.2; python_version >= "3.9"',
    'Flask_Login==0.6.3',
    'pytest',
    'urllib3 === 2.0.7',
    'mypackage @ https://example.com/mypackage-1.0.tar.gz',
    './vendor/local-package',
    'gunicorn==21.2.0 \\',
    '    --hash=sha256:3213aa5e8c24949e792bcacfc176fef362e7aac80b76c56f6b5122bf350722f0',
    '',
  ].join('\n');

  it('reads pins as versions, keeps other specifiers as written, and skips comments, options, paths and markers', () => {
    const deps = parseRequirementsTxt(requirements);
    expect(deps.every((d) => d.ecosystem === 'pypi')).toBe(true);
    expect(versions(deps)).toEqual({
      django: '>=4.2,<5.0',
      requests: '2.31.0',
      celery: '~=5.3.4',
      numpy: '1.26.2',
      'flask-login': '0.6.3',
      pytest: '',
      urllib3: '2.0.7',
      mypackage: '',
      gunicorn: '21.2.0',
    });
  });

  it('names are kept in PEP 503 form, so Django and django are one item (the last line wins)', () => {
    expect(normalisePythonName('Flask_Login')).toBe('flask-login');
    expect(normalisePythonName('zope.interface')).toBe('zope-interface');
    expect(parseRequirementsTxt('Django==4.2\ndjango==4.2.7\n')).toEqual([{ name: 'django', ecosystem: 'pypi', version: '4.2.7' }]);
  });

  it('malformed: a line that is no requirement, a specifier without a version, an unknown operator: the line is named', () => {
    expect(manifestError(() => parseRequirementsTxt('requests==2.31.0\n\nflask bad\n'))).toBe(
      'requirements.txt line 3: cannot read the version “bad” of “flask” (expected something like ==2.31.0 or >=2.0,<3)',
    );
    expect(manifestError(() => parseRequirementsTxt('# top\nrequests==\n'))).toMatch(/^requirements\.txt line 2: cannot read the version “==” of “requests”/);
    expect(manifestError(() => parseRequirementsTxt('requests=>2\n'))).toMatch(/^requirements\.txt line 1: /);
    expect(manifestError(() => parseRequirementsTxt('[extras]==1\n'))).toMatch(/^requirements\.txt line 1: cannot read “\[extras\]==1” as a requirement/);
  });
});

describe('go.mod', () => {
  const goMod = `module github.com/acme/billing

go 1.22

toolchain go1.22.3

require github.com/google/uuid v1.6.0

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/jackc/pgx/v5 v5.5.1
	golang.org/x/net v0.19.0 // indirect
	"github.com/quoted/module" v0.1.0
	go.uber.org/zap v1.26.0 // logging
)

replace github.com/old/module => github.com/new/module v1.2.3

exclude (
	golang.org/x/crypto v0.1.0
)
`;

  it('reads require lines and blocks, leaves out indirect requirements and other directives, unquotes module paths', () => {
    const deps = parseGoMod(goMod);
    expect(deps.every((d) => d.ecosystem === 'go')).toBe(true);
    expect(versions(deps)).toEqual({
      'github.com/google/uuid': 'v1.6.0',
      'github.com/gin-gonic/gin': 'v1.9.1',
      'github.com/jackc/pgx/v5': 'v5.5.1',
      'github.com/quoted/module': 'v0.1.0',
      'go.uber.org/zap': 'v1.26.0',
    });
  });

  it('malformed: a block never closed, a requirement without a version, a version without v, stray text', () => {
    expect(manifestError(() => parseGoMod('module x\n\nrequire (\n\tgolang.org/x/net v0.17.0\n'))).toBe('go.mod line 3: the require block opened here is never closed with ")"');
    expect(manifestError(() => parseGoMod('module x\nrequire golang.org/x/net\n'))).toMatch(/^go\.mod line 2: cannot read “golang\.org\/x\/net” as a requirement/);
    expect(manifestError(() => parseGoMod('module x\nrequire (\n  golang.org/x/net 0.17.0\n)\n'))).toBe('go.mod line 3: “0.17.0” is not a Go module version (they start with v, like v1.2.3)');
    expect(manifestError(() => parseGoMod('module x\n{ nonsense }\n'))).toBe('go.mod line 2: cannot read “{ nonsense }”');
  });
});

describe('pom.xml', () => {
  const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>orders</artifactId>
  <version>2.3.0</version>
  <properties>
    <java.version>17</java.version>
    <spring.version>6.1.2</spring.version>
    <jackson.version>2.16.0</jackson.version>
    <slf4j.base>2.0</slf4j.base>
    <slf4j.version>\${slf4j.base}.9</slf4j.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>org.junit.jupiter</groupId>
        <artifactId>junit-jupiter</artifactId>
        <version>5.10.1</version>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework</groupId>
      <artifactId>spring-webmvc</artifactId>
      <version>\${spring.version}</version>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>\${jackson.version}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
      <version>\${slf4j.version}</version>
    </dependency>
    <dependency>
      <groupId>com.acme</groupId>
      <artifactId>orders-common</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
    <dependency>
      <groupId>org.legacy</groupId>
      <artifactId>unresolved</artifactId>
      <version>\${not.defined}</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <version>3.11.0</version>
      </plugin>
    </plugins>
  </build>
</project>
`;

  it('reads dependencies as groupId:artifactId, resolving properties (chained too), ${project.version} and managed versions; plugins are no dependencies', () => {
    const deps = parsePomXml(pom);
    expect(deps.every((d) => d.ecosystem === 'maven')).toBe(true);
    expect(versions(deps)).toEqual({
      'org.springframework:spring-webmvc': '6.1.2',
      'com.fasterxml.jackson.core:jackson-databind': '2.16.0',
      'org.slf4j:slf4j-api': '2.0.9',
      'com.acme:orders-common': '2.3.0',
      'org.junit.jupiter:junit-jupiter': '5.10.1',
      // A property nobody defines stays as written (and is never compared).
      'org.legacy:unresolved': '${not.defined}',
    });
  });

  it('a single dependency is read as a list of one', () => {
    const one = '<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId><version>1</version></dependency></dependencies></project>';
    expect(parsePomXml(one)).toEqual([{ name: 'g:a', ecosystem: 'maven', version: '1' }]);
  });

  it('entities are not expanded: a billion-laughs document reads as text, not as a gigabyte', () => {
    const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<project><dependencies><dependency><groupId>g</groupId><artifactId>&lol3;</artifactId><version>1</version></dependency></dependencies></project>`;
    let result: unknown;
    try {
      result = parsePomXml(laughs);
    } catch (error) {
      result = error;
    }
    // Either refused clearly or read with the entity left as written: never expanded.
    if (result instanceof Error) expect(result).toBeInstanceOf(ManifestError);
    else expect(JSON.stringify(result)).not.toContain('lollol');
  });

  it('malformed: XML that is not well-formed names the line; a dependency without an artifactId names its line; no <project>', () => {
    expect(manifestError(() => parsePomXml('<project>\n  <dependencies>\n    <dependency>\n  </dependencies>\n</project>'))).toMatch(/^pom\.xml line \d: not well-formed XML \(/);
    expect(manifestError(() => parsePomXml('<project>\n<dependencies>\n<dependency>\n<groupId>g</groupId>\n</dependency>\n</dependencies>\n</project>'))).toBe(
      'pom.xml line 3: a <dependency> needs both a <groupId> and an <artifactId>',
    );
    expect(manifestError(() => parsePomXml('<settings><servers/></settings>'))).toBe('pom.xml: has no <project> element at the top');
    expect(manifestError(() => parsePomXml('not xml at all'))).toMatch(/^pom\.xml line 1: not well-formed XML/);
  });
});

describe('parseManifest: file names and limits', () => {
  it('knows a manifest by its last path part, and pip’s requirements variants', () => {
    expect(manifestKindOf('package.json')).toBe('package.json');
    expect(manifestKindOf('apps/web/package.json')).toBe('package.json');
    expect(manifestKindOf('C:\\code\\api\\go.mod')).toBe('go.mod');
    expect(manifestKindOf('POM.XML')).toBe('pom.xml');
    expect(manifestKindOf('requirements-dev.txt')).toBe('requirements.txt');
    expect(manifestKindOf('dev-requirements.txt')).toBe('requirements.txt');
    expect(manifestKindOf('requirements/prod.txt')).toBeUndefined();
    expect(manifestKindOf('package-lock.json')).toBeUndefined();
    expect(manifestKindOf('Gemfile')).toBeUndefined();
  });

  it('refuses an unknown file, a file or lockfile over 2 MB, a lockfile beside anything but package.json, and 10,000 dependencies', () => {
    expect(manifestError(() => parseManifest('Cargo.toml', '[dependencies]'))).toBe('“Cargo.toml” is not a manifest Waymark reads: import a package.json, requirements.txt, go.mod or pom.xml');
    const big = `{"description":"${'x'.repeat(maxManifestBytes)}"}`;
    expect(manifestError(() => parseManifest('package.json', big))).toBe('package.json is 2.0 MB; the limit is 2 MB');
    expect(manifestError(() => parseManifest('package.json', '{}', big))).toBe('package-lock.json is 2.0 MB; the limit is 2 MB');
    expect(manifestError(() => parseManifest('go.mod', 'module x', '{}'))).toBe('a lockfile goes with a package.json only, not with go.mod');
    const many = Array.from({ length: 10_000 }, (_, i) => `pkg${i}==1`).join('\n');
    expect(manifestError(() => parseManifest('requirements.txt', many))).toBe('requirements.txt names 10,000 dependencies; an import takes fewer than 10,000');
    expect(parseManifest('requirements.txt', many.split('\n').slice(1).join('\n')).dependencies).toHaveLength(9_999);
  });

  it('exactly 2 MB is accepted; the limit counts bytes, not characters', () => {
    const padding = maxManifestBytes - '{"description":""}'.length;
    expect(parseManifest('package.json', `{"description":"${'x'.repeat(padding)}"}`).dependencies).toEqual([]);
    // Two bytes a character: half as many characters already reach the limit.
    expect(manifestError(() => parseManifest('package.json', `{"d":"${'é'.repeat(maxManifestBytes / 2)}"}`))).toBe('package.json is 2.0 MB; the limit is 2 MB');
  });

  it('importChange: add when new, same when the version is equal, update otherwise', () => {
    const dependency = { name: 'react', ecosystem: 'npm' as const, version: '19.3.1' };
    expect(importChange(dependency, undefined)).toBe('add');
    expect(importChange(dependency, { version: '19.3.1' })).toBe('same');
    expect(importChange(dependency, { version: '^19.0.0' })).toBe('update');
  });
});
