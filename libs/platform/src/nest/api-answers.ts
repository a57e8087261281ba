import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/**
 * A 200 whose JSON body is an object the document does not describe field by field (an audit
 * report, a replayed state, a measure's report): typed `Record<string, unknown>` in the client
 * rather than `Record<string, never>`, which would make every field unreadable.
 */
export const ApiJsonObjectResponse = (description: string) =>
  ApiOkResponse({ description, content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } } });

/**
 * A 200 in another media type than JSON (SVG, HTML, CSV), optionally beside JSON: the document then
 * says what the body is, where the plugin would declare a JSON string.
 */
export const ApiTextResponse = (description: string, mediaTypes: string[], options: { alsoJsonObject?: boolean } = {}) =>
  applyDecorators(
    ApiProduces(...(options.alsoJsonObject ? ['application/json', ...mediaTypes] : mediaTypes)),
    ApiOkResponse({
      description,
      content: {
        ...(options.alsoJsonObject ? { 'application/json': { schema: { type: 'object', additionalProperties: true } } } : {}),
        ...Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
      },
    }),
  );
