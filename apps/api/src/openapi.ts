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
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  documentProblems(document);
  return document;
}
