import { z } from 'zod';

const sku = z.string().trim().min(1, 'must not be empty').max(64);
const minor = z.number().int('must be whole minor units').nonnegative('must not be negative');

export const AllocationLineSchema = z.object({
  sku,
  quantity: z.number().int('must be a whole number').positive('must be at least 1').max(1_000_000),
});

export const WarehouseOptionSchema = z.object({
  code: z.string().trim().min(1).max(16),
  name: z.string().min(1).max(100).optional(),
  stock: z.record(sku, z.number().int('must be a whole number').max(1e9)),
  shipmentCostMinor: minor,
  perUnitCostMinor: minor.default(0),
  distanceKm: z.number().finite().nonnegative().optional(),
});

export const AllocationRequestSchema = z.object({
  lines: z.array(AllocationLineSchema).min(1, 'an order needs at least one line').max(500),
  warehouses: z.array(WarehouseOptionSchema).min(1, 'at least one warehouse is needed').max(64),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as GBP').default('GBP'),
});

export type ParsedWarehouse = z.output<typeof WarehouseOptionSchema>;
export type ParsedRequest = z.output<typeof AllocationRequestSchema>;
