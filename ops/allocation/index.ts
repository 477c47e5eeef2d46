/**
 * Allocation: which warehouse(s) ship an order at the least cost, and why.
 *
 * @remarks {@link allocateOrder} and {@link explainWarehouseChoice} are pure; costs come from a
 * distance tariff, a zone matrix or any function the caller supplies. `read.ts` answers
 * "why did order X ship from W?" from the store.
 */
export type { AllocationLine, AllocationMethod, AllocationPlan, AllocationRequest, PlannedShipment, Shortfall, WarehouseAssessment, WarehouseOption } from './types.js';
export { allocateOrder } from './allocate.js';
export { explainWarehouseChoice, type WarehouseChoiceExplanation, type WarehouseChoiceInput } from './why.js';
export {
  distanceCosts,
  warehouseOptions,
  zoneCosts,
  type AvailableStock,
  type DistanceTariff,
  type LatLng,
  type WarehouseCost,
  type WarehouseSite,
} from './costs.js';
export { createPostcodeLocator, type PostcodePlace } from './postcode-locator.js';
export { distanceShippingCost, explainOrderWarehouse, type ExplainOrderWarehouseOptions, type OrderWarehouseExplanation, type ShippingCostFn } from './read.js';
