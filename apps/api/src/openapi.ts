import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { documentProblems } from './http/problem-responses';

/**
 * The OpenAPI document, generated from the controllers and DTOs (nest-cli's swagger plugin reads the
 * class-validator rules at build time). Served at /docs/openapi.json, and written offline (without a
 * database) by openapi-document.ts for the typed client in clients/typescript.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Samvirke API')
      .setDescription(
        'Cross-agency SSP+ case coordination. Every endpoint needs a bearer token except /health, /health/live, /health/ready and /metrics ' +
          '(marked with no security requirement below) and this document and its Swagger page (/docs, /docs/openapi.json). ' +
          'Every error is RFC 9457 problem details (application/problem+json) with a stable `reason` code.',
      )
      .setVersion('1')
      // Relative: the document is served by the API it describes, wherever that runs.
      .addServer('/', 'The API serving this document')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  documentProblems(document);
  sortLiteralEnums(document);
  return document;
}

/**
 * The swagger plugin writes a union of literals ('open' | 'closed') in the order TypeScript holds the
 * union, which depends on the order the compiler met the types: two builds of the same code gave two
 * orders. Sorted, the document is the same on every build, so `npm run client:check` compares like
 * with like.
 */
function sortLiteralEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) sortLiteralEnums(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'enum' && Array.isArray(value) && value.every((item) => typeof item === 'string')) value.sort();
    else if (key === 'enum' && Array.isArray(value) && value.every((item) => typeof item === 'number')) value.sort((a: number, b: number) => a - b);
    else sortLiteralEnums(value);
  }
}
