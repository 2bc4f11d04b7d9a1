/**
 * Checks the raw environment at boot so a misconfigured service refuses to
 * start with a message naming the variable, instead of failing later.
 */
export function validateEnv(raw: Record<string, unknown>): Record<string, unknown> {
  const value = (name: string): string => {
    const v = raw[name];
    return typeof v === 'string' ? v.trim() : '';
  };
  const problems: string[] = [];

  const appEnv = value('APP_ENV') || 'development';
  if (!['development', 'production', 'test'].includes(appEnv)) {
    problems.push(`APP_ENV must be development, production or test (got "${appEnv}")`);
  }
  const port = value('PORT');
  if (port && !(/^\d+$/.test(port) && Number(port) > 0 && Number(port) < 65536)) {
    problems.push('PORT must be an integer between 1 and 65535');
  }
  const backend = value('JOB_QUEUE_BACKEND');
  if (backend && !['thread', 'bull'].includes(backend)) {
    problems.push('JOB_QUEUE_BACKEND must be "thread" or "bull"');
  }
  const sseMax = value('SSE_MAX_PER_TOKEN');
  if (sseMax && !(/^\d{1,6}$/.test(sseMax) && Number(sseMax) >= 1)) {
    problems.push('SSE_MAX_PER_TOKEN must be an integer between 1 and 999999');
  }
  const dbUrl = value('DATABASE_URL');
  if (dbUrl && !/^postgres(ql)?:\/\//.test(dbUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const schema = value('DB_SCHEMA');
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    problems.push('DB_SCHEMA must be a lower-case SQL identifier');
  }

  if (appEnv === 'production') {
    const secret = value('JWT_SECRET') || value('DASHBOARD_SECRET');
    if (!secret) problems.push('JWT_SECRET (or DASHBOARD_SECRET) is required in production');
    else if (secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters in production');
    if (!value('ADMIN_API_KEY')) problems.push('ADMIN_API_KEY is required in production');
  }

  if (problems.length) {
    const error = new Error(`Invalid configuration: ${problems.join('; ')}`);
    // Nest logs boot errors with their stack; the message says it all, a stack would only add server paths.
    error.stack = `${error.name}: ${error.message}`;
    throw error;
  }
  return raw;
}
