/** Product use cases: list, create, edit. */
import { InputError, NotFoundError } from '../domain/errors.ts';
import { authorize } from '../domain/roles.ts';
import { slugify } from '../domain/zones.ts';
import type { Db } from '../store/db.ts';
import { appendEvents } from '../store/events.ts';
import * as productsRepo from '../store/products.ts';
import type { ProductRecord } from '../store/products.ts';
import { sqlState, UNIQUE_VIOLATION } from '../store/rows.ts';
import type { Actor } from './actor.ts';

export interface ProductInput { key?: string | undefined; name: string; description?: string | undefined }

export function createProductService(deps: { db: Db }) {
  const { db } = deps;
  const audit = (p: ProductRecord) => ({ key: p.key, name: p.name, description: p.description });
  return {
    async list(actor: Actor): Promise<ProductRecord[]> {
      authorize(actor.role, 'org.read');
      return productsRepo.listProducts(db, actor.orgId);
    },

    async get(actor: Actor, ref: string): Promise<ProductRecord> {
      authorize(actor.role, 'org.read');
      const p = await productsRepo.findProduct(db, actor.orgId, ref);
      if (!p) throw new NotFoundError('Product', ref);
      return p;
    },

    async create(actor: Actor, input: ProductInput): Promise<ProductRecord> {
      authorize(actor.role, 'product.create');
      const key = input.key ?? slugify(input.name);
      if (!key) throw InputError.field('key', 'could not derive a key from the name; give one');
      return db.transaction(async (tx) => {
        const p = await productsRepo
          .insertProduct(tx, actor.orgId, { key, name: input.name.trim(), description: input.description?.trim() ?? '' })
          .catch((err: unknown) => {
            if (sqlState(err) === UNIQUE_VIOLATION) throw InputError.field('key', `another product already uses the key ${JSON.stringify(key)}`);
            throw err;
          });
        await appendEvents(tx, actor.orgId, [
          { actor: actor.label, action: 'product.created', entityType: 'product', entityId: p.id, after: audit(p) },
        ]);
        return p;
      });
    },

    async update(actor: Actor, ref: string, patch: { name?: string | undefined; description?: string | undefined }) {
      authorize(actor.role, 'product.update');
      return db.transaction(async (tx) => {
        const before = await productsRepo.findProduct(tx, actor.orgId, ref);
        if (!before) throw new NotFoundError('Product', ref);
        await productsRepo.updateProduct(tx, actor.orgId, before.id, {
          name: patch.name?.trim() ?? before.name, description: patch.description?.trim() ?? before.description,
        });
        const after = (await productsRepo.findProduct(tx, actor.orgId, before.id))!;
        await appendEvents(tx, actor.orgId, [{
          actor: actor.label, action: 'product.updated', entityType: 'product', entityId: before.id,
          before: audit(before), after: audit(after),
        }]);
        return after;
      });
    },
  };
}

export type ProductService = ReturnType<typeof createProductService>;
