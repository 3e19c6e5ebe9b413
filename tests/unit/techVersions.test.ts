// Version comparison of the tech inventory: semver and version-like text are compared, ranges at
// their lowest version, anything else is kept as text and never compared.
import { describe, expect, it } from 'vitest';
import { comparableVersion, compareVersions, majorOf, majorsBehind } from '@/server/domain/techVersions';

describe('techVersions', () => {
  it('reads exact semver, v-prefixed and short numeric versions', () => {
    expect(comparableVersion('1.2.3')?.version).toBe('1.2.3');
    expect(comparableVersion('v0.17.0')?.version).toBe('0.17.0');
    expect(comparableVersion('2.0.0-rc.1')?.version).toBe('2.0.0-rc.1');
    expect(comparableVersion('12')?.version).toBe('12.0.0');
    expect(comparableVersion('3.11')?.version).toBe('3.11.0');
    expect(comparableVersion(' 18.19.0 ')?.version).toBe('18.19.0');
  });

  it('takes a range (npm ^/~, pip >=,< and ~=) at its lowest version', () => {
    expect(comparableVersion('^18.2.0')?.version).toBe('18.2.0');
    expect(comparableVersion('~5.108.0')?.version).toBe('5.108.0');
    expect(comparableVersion('>=4.2,<5.0')?.version).toBe('4.2.0');
    expect(comparableVersion('~=1.4.2')?.version).toBe('1.4.2');
  });

  it('keeps text that is no version uncompared', () => {
    for (const text of ['', 'latest', 'workspace:*', '5.3.20.RELEASE', '2024 edition', 'abc123', '${spring.version}', null, undefined, '1'.repeat(101)]) {
      expect(comparableVersion(text)).toBeNull();
    }
    expect(compareVersions('latest', '1.0.0')).toBeNull();
    expect(majorOf('5.3.20.RELEASE')).toBeNull();
  });

  it('compares like a sort comparator', () => {
    expect(compareVersions('1.2.3', '1.10.0')).toBe(-1);
    expect(compareVersions('v2.0.0', '2')).toBe(0);
    expect(compareVersions('2.0.0', '2.0.0-rc.1')).toBe(1);
    expect(['1.10.0', '1.2.3', '1.9.9'].sort((a, b) => compareVersions(a, b)!)).toEqual(['1.2.3', '1.9.9', '1.10.0']);
  });

  it('majorsBehind: how many majors the version in use trails the latest, 0 when ahead, equal or not comparable', () => {
    expect(majorsBehind('12', '17.2')).toBe(5);
    expect(majorsBehind('^18.2.0', '19.0.0')).toBe(1);
    expect(majorsBehind('19.3.1', '19.4.0')).toBe(0);
    expect(majorsBehind('20.0.0', '19.0.0')).toBe(0);
    expect(majorsBehind('latest', '19.0.0')).toBe(0);
    expect(majorsBehind('1.0.0', null)).toBe(0);
  });
});
