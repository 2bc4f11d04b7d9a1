export const ROLES = ['viewer', 'member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as carried by the verified token. */
export interface AuthUser {
  team_id: string;
  role: Role;
  /** Token expiry, seconds since the epoch. */
  exp: number;
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isAdmin(user: AuthUser): boolean {
  return user.role === 'admin';
}
