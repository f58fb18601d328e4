import { z } from 'zod';
import { IdSchema, KeySchema, TimestampSchema } from './common.ts';

export const ProductSchema = z.object({
  id: IdSchema, key: z.string(), name: z.string(), description: z.string(), zoneCount: z.number().int(),
  createdAt: TimestampSchema, updatedAt: TimestampSchema,
});

export const ProductCreateSchema = z.object({
  key: KeySchema.optional().describe('Derived from the name when omitted'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).optional(),
});

export const ProductPatchSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(5000).optional(),
});

export type Product = z.infer<typeof ProductSchema>;
