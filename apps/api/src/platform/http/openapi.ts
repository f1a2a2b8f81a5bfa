import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', example: 'Invalid input' },
    details: {
      type: 'array',
      description: 'On 400: the invalid fields',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'Invalid input (unknown fields and query parameters included)',
  '401': 'No or bad token',
  '403': 'Your role may not do this',
  '404': 'Missing, or outside your scope',
};

/** Adds the shared error schema and the error answers every operation can give. */
function withErrors(document: OpenAPIObject): OpenAPIObject {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas['ApiError'] = ERROR_SCHEMA as never;
  const ref = { $ref: '#/components/schemas/ApiError' };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const secured = Array.isArray(operation.security) && operation.security.length > 0;
      const codes = ['400', ...(secured ? ['401', '403'] : []), ...(path.includes('{') ? ['404'] : [])];
      for (const code of codes) {
        operation.responses[code] ??= {
          description: ERROR_DESCRIPTIONS[code] ?? 'Error',
          content: { 'application/json': { schema: ref } },
        };
      }
    }
  }
  return document;
}

export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Passerelle API')
    .setDescription(
      'The shared follow-up of social-housing applicants of the Communauté de communes de Lacq-Orthez. ' +
        'Dates are calendar dates (YYYY-MM-DD, Europe/Paris); instants are ISO 8601 UTC.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = withErrors(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
    customSiteTitle: 'Passerelle — API',
  });
  return document;
}
