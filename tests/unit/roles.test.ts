// Project roles: owner > editor > viewer.
import { describe, expect, it } from 'vitest';
import { canEditBoards, projectRoles, roleAtLeast, type ProjectRole } from '@/server/domain/roles';

describe('roleAtLeast', () => {
  const expected: Record<ProjectRole, Record<ProjectRole, boolean>> = {
    owner: { owner: true, editor: true, viewer: true },
    editor: { owner: false, editor: true, viewer: true },
    viewer: { owner: false, editor: false, viewer: true },
  };
  for (const role of projectRoles) {
    for (const minimum of projectRoles) {
      it(`a ${role} ${expected[role][minimum] ? 'has' : 'lacks'} the ${minimum} role`, () => {
        expect(roleAtLeast(role, minimum)).toBe(expected[role][minimum]);
      });
    }
  }
});

describe('canEditBoards', () => {
  it('owners and editors may edit the boards, viewers may not', () => {
    expect(canEditBoards('owner')).toBe(true);
    expect(canEditBoards('editor')).toBe(true);
    expect(canEditBoards('viewer')).toBe(false);
  });
});
