import { z } from 'zod';

const ProductIdSchema = z.number().int().nonnegative();

export const OrderBasketSchema = z.object({
  orderId: z.number().int(),
  customerId: z.number().int(),
  placedAt: z.string().datetime(),
  productIds: z.array(ProductIdSchema).max(1000),
});

export const CatalogItemSchema = z.object({
  productId: ProductIdSchema,
  category: z.string().max(200),
  available: z.number().int(),
});

/** Options every recommender entry point shares. */
export const RecommendOptionsSchema = z.object({
  productId: ProductIdSchema.optional(),
  limit: z.number().int().min(1).max(100).default(10),
  measure: z.enum(['cosine', 'lift']).default('cosine'),
  minSupport: z.number().int().min(1).max(1000).default(2),
  categoryBoost: z.number().min(0).max(10).default(0.05),
});
