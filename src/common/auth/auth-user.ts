export const ROLES = ['viewer', 'member', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A team id: what minting accepts, and so what a valid token carries (1-64 letters, digits, ".", "_" or "-"). */
export const TEAM_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
export const TEAM_ID_MESSAGE = 'team_id must be 1-64 letters, digits, ".", "_" or "-"';

/** The latest expiry a token may carry: the last second a JavaScript Date can represent. */
export const MAX_TOKEN_EXP = 8_640_000_000_000;

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
