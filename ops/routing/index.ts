/** Delivery route planning: capacitated vehicle routing, optionally with delivery windows. */
export { planRoutes, solveProblem, type PlanRoutesOptions, type RoutingObjective } from './solver.js';
export { parseRoutingProblem } from './validate.js';
export { etaForStop, type ShipmentEta } from './eta.js';
export { euclidean, haversineKm } from './distance.js';
export type { PlannedRoute, PlannedStop, RoutePlan, UnservedReason, UnservedStop } from './plan.js';
export type { DistanceSpec, Location, RoutingProblem, RoutingProblemInput, StopInput, TimeWindow } from './schema.js';
export { findWarehouse, listWarehouses, planDeliveries, readDeliveries, type PlanDeliveriesOptions, type ReadDeliveriesOptions } from './deliveries.js';
export {
  DELIVERY_DEFAULTS, DeliverySettingsSchema, buildDeliveryProblem,
  type DeliveryAssumptions, type DeliveryPlan, type DeliveryRoute, type DeliverySettings, type DeliverySettingsInput,
  type DeliveryStop, type UnservedDelivery, type UnservedDeliveryReason,
} from './delivery-problem.js';
export {
  WAITING_STATUSES, type DeliveryDay, type DeliveryOrder, type LocatedDelivery, type PostcodeLocator, type DeliveryWarehouse,
} from './delivery-types.js';
export {
  readDeliveryEstimate, readShipmentEta, saveRoutePlan,
  type DeliveryEstimate, type ReadDeliveryEstimateOptions, type SaveRoutePlanOptions, type StoredEta,
} from './delivery-store.js';
export { plusDays, zonedDay, zonedInstant } from './local-time.js';
