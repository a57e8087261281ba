import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProduces, getSchemaPath } from '@nestjs/swagger';

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

/**
 * A 200 whose JSON body is one of the given DTO classes (several: any one of them), beside other
 * media types (CSV): the client then types the JSON answer field by field.
 */
export const ApiTextOrJsonResponse = (description: string, mediaTypes: string[], json: Type<unknown> | Type<unknown>[]) => {
  const models = Array.isArray(json) ? json : [json];
  const schema = models.length === 1 ? { $ref: getSchemaPath(models[0]) } : { oneOf: models.map((model) => ({ $ref: getSchemaPath(model) })) };
  return applyDecorators(
    ApiExtraModels(...models),
    ApiProduces('application/json', ...mediaTypes),
    ApiOkResponse({
      description,
      content: {
        'application/json': { schema },
        ...Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string' } }])),
      },
    }),
  );
};
