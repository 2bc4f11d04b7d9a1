import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { exportOpenApiDocument } from './openapi-document';

/**
 * `node dist/openapi.js [file]`: writes the OpenAPI document (the one served at
 * /docs-json) as JSON to the file, or to stdout, without starting the service.
 * `npm run lint:openapi` lints it with Redocly.
 */
async function main(): Promise<void> {
  const json = `${JSON.stringify(await exportOpenApiDocument(), null, 2)}\n`;
  const file = process.argv[2];
  if (file) await writeFile(file, json);
  else process.stdout.write(json);
}

main().catch((error: unknown) => {
  console.error(`Could not build the OpenAPI document: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
