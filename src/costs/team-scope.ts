import { isAdmin, type AuthUser } from '../common/auth/auth-user';

/** The team an aggregate covers; `null` means every team. */
export type TeamScope = string | null;

/** Non-admins always get their own team; admins get every team, or the one they ask for. */
export function teamScopeOf(user: AuthUser, requestedTeam?: string): TeamScope {
  if (!isAdmin(user)) return user.team_id;
  return requestedTeam ?? null;
}
