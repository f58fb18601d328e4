/** Products: list, read, create, edit. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProductCreateSchema, ProductPatchSchema, ProductSchema } from '../../contracts/products.ts';
import type { Services } from '../../composition.ts';
import { actorOf } from '../authentication.ts';

const Params = z.object({ ref: z.string().min(1).max(100).describe('Product key or id') });

export function productRoutes(app: FastifyInstance, opts: { services: Services }): void {
  const { products } = opts.services;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['Products'];

  r.get('/api/products', { schema: { tags, summary: 'List products', response: { 200: z.object({ items: z.array(ProductSchema) }) } } },
    async (request) => ({ items: await products.list(actorOf(request)) }));

  r.post('/api/products', { schema: { tags, summary: 'Create a product', body: ProductCreateSchema, response: { 201: ProductSchema } } },
    async (request, reply) => reply.code(201).send(await products.create(actorOf(request), request.body)));

  r.get('/api/products/:ref', { schema: { tags, summary: 'One product', params: Params, response: { 200: ProductSchema } } },
    async (request) => products.get(actorOf(request), request.params.ref));

  r.patch('/api/products/:ref', {
    schema: { tags, summary: 'Edit a product', params: Params, body: ProductPatchSchema, response: { 200: ProductSchema } },
  }, async (request) => products.update(actorOf(request), request.params.ref, request.body));
}
