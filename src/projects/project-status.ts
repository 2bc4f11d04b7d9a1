export const PROJECT_STATUSES = ['discovery', 'development', 'production', 'blocked'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_HEALTHS = ['healthy', 'warning', 'critical'] as const;
export type ProjectHealth = (typeof PROJECT_HEALTHS)[number];

export const MAX_FEATURES = 50;
export const MAX_FEATURE_LENGTH = 100;
