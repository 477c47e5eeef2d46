/** Delivery route planning: capacitated vehicle routing, optionally with delivery windows. */
export { planRoutes, solveProblem, type PlanRoutesOptions, type RoutingObjective } from './solver.js';
export { parseRoutingProblem } from './validate.js';
export { etaForStop, type ShipmentEta } from './eta.js';
export { euclidean, haversineKm } from './distance.js';
export type { PlannedRoute, PlannedStop, RoutePlan, UnservedReason, UnservedStop } from './plan.js';
export type { DistanceSpec, Location, RoutingProblem, RoutingProblemInput, StopInput, TimeWindow } from './schema.js';
