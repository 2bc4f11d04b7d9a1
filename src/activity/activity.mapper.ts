import type { ActivityEntryDto } from './dto/activity-response.dto';
import type { ActivityLog } from './activity-log.entity';

/** Stored details back to an object when they are a JSON object or array; otherwise the text itself. */
export function parseDetails(raw: string): Record<string, unknown> | string {
  const text = raw.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return raw;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : raw;
  } catch {
    return raw;
  }
}

export function toActivityEntry(row: ActivityLog): ActivityEntryDto {
  return {
    id: Number(row.id),
    timestamp: row.timestamp,
    task_id: row.task_id,
    agent: row.agent,
    action: row.action,
    status: row.status,
    details: parseDetails(row.details),
    team_id: row.team_id,
  };
}
