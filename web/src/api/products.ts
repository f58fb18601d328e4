import type { Product } from '../../../src/contracts/products.ts';
import { request } from './client.ts';

const productPath = (ref: string) => `/products/${encodeURIComponent(ref)}`;

export const productsApi = {
  list: () => request<{ items: Product[] }>('/products'),
  create: (body: { key?: string; name: string; description?: string }) =>
    request<Product>('/products', { method: 'POST', json: body }),
  update: (ref: string, body: { name?: string; description?: string }) =>
    request<Product>(productPath(ref), { method: 'PATCH', json: body }),
};
