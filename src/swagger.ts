import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  SwaggerModule,
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  type SchemaObject,
  type SecuritySchemeObject,
} from '@nestjs/swagger';
import { FASTIFY_MESSAGES } from './common/errors/all-exceptions.filter';
import { ErrorResponseDto } from './common/errors/error-response.dto';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** What a client sees for an error status when the route gives no example of its own. */
const DEFAULT_ERROR_EXAMPLES: Record<string, { description: string; detail: string }> = {
  '400': {
    description: 'Invalid input: a parameter or body field failed validation (each one listed in `errors`)',
    detail: 'Validation failed',
  },
  '401': { description: 'Missing, invalid or expired token', detail: 'Missing bearer token' },
  '403': { description: 'The token lacks the role', detail: 'This action needs the admin role' },
  '404': { description: 'Not found (or not visible to your team)', detail: 'Not found' },
  '413': { description: 'The body is larger than 1 MiB', detail: FASTIFY_MESSAGES.FST_ERR_CTP_BODY_TOO_LARGE },
  '415': {
    description: 'The body is not application/json',
    detail: FASTIFY_MESSAGES.FST_ERR_CTP_INVALID_MEDIA_TYPE,
  },
  '429': {
    description: 'Rate limited; see Retry-After',
    detail: 'Too many requests; retry after the time given in Retry-After',
  },
  '500': { description: 'Unexpected server error (details only in the server log)', detail: 'Internal server error' },
  '503': {
    description: 'Temporarily unavailable; see Retry-After',
    detail: 'The database is unavailable; try again shortly',
  },
};

const isRef = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

function errorResponse(status: string, example: ErrorExample = { detail: DEFAULT_ERROR_EXAMPLES[status].detail }) {
  return {
    description: DEFAULT_ERROR_EXAMPLES[status].description,
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) }, example } },
  } satisfies ResponseObject;
}

interface ErrorExample {
  detail: string;
  errors?: { field: string; message: string }[];
}

/** What the validation pipe says about the operation's first input when it is wrong. */
function validationExample(operation: OperationObject, document: OpenAPIObject): ErrorExample | undefined {
  const params = (operation.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  const param = params.find((p) => p.in === 'path') ?? params.find((p) => p.in === 'query');
  let field = param?.name;
  let schema: SchemaObject | undefined = param && !isRef(param.schema) ? param.schema : undefined;
  if (!field && operation.requestBody && !isRef(operation.requestBody)) {
    const bodySchema = operation.requestBody.content['application/json']?.schema;
    const resolved = isRef(bodySchema) ? document.components?.schemas?.[bodySchema.$ref.split('/').pop()!] : bodySchema;
    if (resolved && !isRef(resolved) && resolved.properties) {
      field = resolved.required?.[0] ?? Object.keys(resolved.properties)[0];
      const property = field ? resolved.properties[field] : undefined;
      schema = property && !isRef(property) ? property : undefined;
    }
  }
  if (!field) return undefined;
  let message = `${field} is not valid`;
  if (schema?.enum) message = `${field} must be one of the following values: ${schema.enum.join(', ')}`;
  else if (schema?.type === 'integer' && schema.minimum !== undefined && schema.maximum !== undefined)
    message = `${field} must be a whole number from ${schema.minimum} to ${schema.maximum}`;
  else if (schema?.type === 'boolean') message = `${field} must be a boolean value`;
  return { detail: `Validation failed: ${message}`, errors: [{ field, message }] };
}

/**
 * What the decorators cannot say route by route, applied to every operation:
 * - an operation that declares no security scheme is public (`security: []`);
 *   the route audit test checks that every non-public route declares bearer;
 * - a header that a security scheme carries (X-Admin-Key) is not also a parameter;
 * - every JSON body can be refused with 400, 413 (over 1 MiB) and 415 (not JSON),
 *   and every parameter with 400;
 * - an error response without an example of its own gets one for its status.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const schemeHeaders = new Set(
    Object.values(document.components?.securitySchemes ?? {})
      .filter((scheme): scheme is SecuritySchemeObject => !isRef(scheme) && scheme.type === 'apiKey')
      .filter((scheme) => scheme.in === 'header' && scheme.name)
      .map((scheme) => scheme.name!.toLowerCase()),
  );
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation: OperationObject | undefined = pathItem[method];
      if (!operation) continue;
      if (!operation.security?.length) operation.security = [];
      operation.parameters = operation.parameters?.filter(
        (p) => isRef(p) || !(p.in === 'header' && schemeHeaders.has(p.name.toLowerCase())),
      );
      const responses = operation.responses;
      const takesInput = Boolean(operation.requestBody) || Boolean(operation.parameters?.length);
      const invalid = validationExample(operation, document);
      if (takesInput && !responses['400']) responses['400'] = errorResponse('400', invalid);
      if (operation.requestBody) {
        responses['413'] ??= errorResponse('413');
        responses['415'] ??= errorResponse('415');
      }
      for (const [status, response] of Object.entries(responses)) {
        if (!response || isRef(response) || !DEFAULT_ERROR_EXAMPLES[status]) continue;
        const json = response.content?.['application/json'];
        const isError = isRef(json?.schema) && json.schema.$ref === getSchemaPath(ErrorResponseDto);
        if (json && isError && json.example === undefined && !json.examples) {
          json.example = (status === '400' && invalid) || { detail: DEFAULT_ERROR_EXAMPLES[status].detail };
        }
      }
    }
  }
  return document;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Software Factory API')
    .setDescription(
      'Turns an app idea into a generated Flutter project through a pipeline of AI agents.\n\n' +
        '1. Call `POST /api/auth/token` with your `X-Admin-Key` (Authorize → admin-key) to mint a token.\n' +
        '2. Paste the token under Authorize → bearer, then use any route with "Try it out".',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Admin-Key' }, 'admin-key')
    // Relative: Swagger UI and clients resolve paths against wherever the document was fetched from.
    .addServer('/', 'The server this document is served by')
    .build();
  return completeOpenApiDocument(SwaggerModule.createDocument(app, config));
}

/** Swagger UI at /docs, the JSON at /docs-json. */
export function setupSwagger(app: NestFastifyApplication): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
}
