import { ConflictException, NotFoundException } from '@nestjs/common';
import { isAdmin, type AuthUser } from '../common/auth/auth-user';

export function decidedBy(user: AuthUser): string {
  return `${user.team_id}/${user.role}`;
}

/** Other teams' items are reported missing; decided items cannot be decided again. */
export function assertDecidable<T extends { team_id: string; status: string }>(
  item: T | null,
  user: AuthUser,
  what: string,
): T {
  if (!item || (!isAdmin(user) && item.team_id !== user.team_id)) throw new NotFoundException(`${what} not found`);
  if (item.status !== 'pending') throw new ConflictException(`${what} is already ${item.status}`);
  return item;
}

/** `{ pending, approved, rejected, counts }`, as the contract lists HITL items. */
export function groupByStatus<T extends { status: string }>(
  items: T[],
): {
  pending: T[];
  approved: T[];
  rejected: T[];
  counts: { pending: number; approved: number; rejected: number };
} {
  const pending = items.filter((i) => i.status === 'pending');
  const approved = items.filter((i) => i.status === 'approved');
  const rejected = items.filter((i) => i.status === 'rejected' || i.status === 'expired');
  return {
    pending,
    approved,
    rejected,
    counts: { pending: pending.length, approved: approved.length, rejected: rejected.length },
  };
}
