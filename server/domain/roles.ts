// Project roles and what each may do: owner > editor > viewer.
export const projectRoles = ['owner', 'editor', 'viewer'] as const;
export type ProjectRole = (typeof projectRoles)[number];

const rank: Record<ProjectRole, number> = { viewer: 0, editor: 1, owner: 2 };

export function roleAtLeast(role: ProjectRole, minimum: ProjectRole): boolean {
  return rank[role] >= rank[minimum];
}

/** Whether a member with this role may change the live boards' content. */
export function canEditBoards(role: ProjectRole): boolean {
  return roleAtLeast(role, 'editor');
}
