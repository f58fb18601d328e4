/** OpenAPI 3.1, generated from the Zod contracts of the routes; browsable at /api/docs. */
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Keel API',
        version: '0.1.0',
        description:
          'Owned, measurable safety outcomes. Authenticate with a personal API token (`Authorization: Bearer keel_pat_…`, ' +
          'created in the web app under Account or with `keel tokens create`). Errors are application/problem+json ' +
          'naming the offending field or line.',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
      security: [{ token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
