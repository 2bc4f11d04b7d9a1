import {
  BadRequestException,
  ValidationPipe,
  type ArgumentMetadata,
  type ValidationError,
  type ValidationPipeOptions,
} from '@nestjs/common';

export interface FieldError {
  field: string;
  message: string;
}

/** Flattens nested class-validator errors into `{ field: "a.b", message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const MAX_DEPTH = 32;
/** Keys class-transformer skips without a word; rejecting them keeps "unknown fields are a 400" true. */
const RESERVED_KEYS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * Checks input before class-transformer sees it, iteratively (deep nesting
 * would overflow a recursive walk): nesting depth, NUL characters (PostgreSQL
 * cannot store them) and reserved key names. Returns the problem, if any.
 */
export function inputProblem(value: unknown): string | undefined {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\0')) return 'NUL characters are not allowed';
      continue;
    }
    if (!current || typeof current !== 'object') continue;
    if (depth >= MAX_DEPTH) return `Input is nested more than ${MAX_DEPTH} levels deep`;
    for (const key of Object.keys(current)) {
      // Also in bracket or dot notation (`__proto__[polluted]`, as query strings write nesting).
      if (key.split(/[[\].]/).some((part) => RESERVED_KEYS.has(part)))
        return `Property name "${key.slice(0, 60)}" is not allowed`;
      if (key.includes('\0')) return 'NUL characters are not allowed';
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The global pipe: unknown body fields are a 400 (nothing is dropped
 * silently from what a client asked to store), while unknown query
 * parameters are ignored, as browsers' cache-busters (`?_=…`) and the
 * original service's clients expect.
 */
class InputValidationPipe extends ValidationPipe {
  private readonly queries: ValidationPipe;

  constructor(options: ValidationPipeOptions) {
    super(options);
    this.queries = new ValidationPipe({ ...options, forbidNonWhitelisted: false });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = inputProblem(value);
    if (problem)
      throw new BadRequestException({
        detail: problem,
        errors: [{ field: metadata.data ?? metadata.type, message: problem }],
      });
    return metadata.type === 'query' ? this.queries.transform(value, metadata) : super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors);
      const detail = fieldErrors.length
        ? `Validation failed: ${fieldErrors.map((e) => e.message).join('; ')}`
        : 'Validation failed';
      return new BadRequestException({ detail, errors: fieldErrors });
    },
  });
}
