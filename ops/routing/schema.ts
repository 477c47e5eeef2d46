import { z } from 'zod';

/** Planar coordinates (any unit) for Euclidean distances. */
const PointSchema = z.object({ x: z.number(), y: z.number() });
/** Latitude/longitude in degrees for great-circle (haversine) distances in km. */
const LatLonSchema = z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });
export const LocationSchema = z.union([PointSchema, LatLonSchema]);

/** A delivery window in the same time unit as travel times (for example minutes since midnight). */
export const TimeWindowSchema = z.object({ start: z.number(), end: z.number() });

const MatrixSchema = z.array(z.array(z.number().nonnegative()));

export const DistanceSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('matrix'),
    /** Row/column 0 is the depot, row i is `stops[i - 1]`. */
    distances: MatrixSchema,
    /** Travel times with the same layout; without it time = distance / speed. */
    travelTimes: MatrixSchema.optional(),
  }),
  z.object({
    kind: z.literal('euclidean'),
    /** `nearest` rounds each edge to the nearest integer (the TSPLIB EUC_2D convention). */
    rounding: z.enum(['none', 'nearest']).default('none'),
  }),
  z.object({ kind: z.literal('haversine') }),
]);

export const StopSchema = z.object({
  id: z.string().min(1),
  demand: z.number().nonnegative(),
  location: LocationSchema.optional(),
  window: TimeWindowSchema.optional(),
  serviceTime: z.number().nonnegative().default(0),
});

export const RoutingProblemSchema = z.object({
  depot: z.object({
    location: LocationSchema.optional(),
    /** The shift: vans leave at `start` and must be back by `end`. */
    window: TimeWindowSchema.optional(),
  }),
  stops: z.array(StopSchema),
  vehicles: z.object({
    count: z.number().int().positive(),
    capacity: z.number().positive(),
  }),
  distance: DistanceSpecSchema,
  /** Distance units per time unit; travel time = distance / speed. @defaultValue 1 */
  speed: z.number().positive().default(1),
});

export type Location = z.infer<typeof LocationSchema>;
export type TimeWindow = z.infer<typeof TimeWindowSchema>;
export type DistanceSpec = z.input<typeof DistanceSpecSchema>;
export type StopInput = z.input<typeof StopSchema>;
/** What callers pass in (defaults not yet applied). */
export type RoutingProblemInput = z.input<typeof RoutingProblemSchema>;
/** A validated problem with defaults applied. */
export type RoutingProblem = z.output<typeof RoutingProblemSchema>;
