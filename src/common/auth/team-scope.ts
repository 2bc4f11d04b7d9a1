import { isAdmin, type AuthUser } from './auth-user';

/** The team a read covers; `null` means every team. */
export type TeamScope = string | null;

/** Non-admins always get their own team; admins get every team, or the one they ask for. */
export function teamScopeOf(user: AuthUser, requestedTeam?: string): TeamScope {
  if (!isAdmin(user)) return user.team_id;
  return requestedTeam ?? null;
}

/** The same rule as a TypeORM `where` fragment: `{ team_id }`, or `{}` for every team. */
export function teamWhere(user: AuthUser, requestedTeam?: string): { team_id?: string } {
  const team = teamScopeOf(user, requestedTeam);
  return team === null ? {} : { team_id: team };
}
