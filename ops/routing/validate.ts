import { InvalidInputError } from '../../core/errors.js';
import { RoutingProblemSchema, type RoutingProblem } from './schema.js';

/**
 * Parses a routing problem and checks the rules zod cannot express per field.
 *
 * @remarks A stop that can never be served (demand above a van's capacity, a window that
 * ends before it starts) is a mistake in the input, so it is refused here instead of being
 * reported later as "unserved".
 * @throws {@link InvalidInputError} listing every problem found, each naming the stop.
 */
export function parseRoutingProblem(input: unknown): RoutingProblem {
  const result = RoutingProblemSchema.safeParse(input);
  if (!result.success) {
    const messages = result.error.issues.map((issue) => `${issue.path.join('.') || 'problem'}: ${issue.message}`);
    throw new InvalidInputError(`Invalid routing problem: ${messages.join('; ')}`, { issues: messages });
  }
  const problems = collectRuleViolations(result.data);
  if (problems.length > 0) {
    throw new InvalidInputError(`Invalid routing problem: ${problems.join('; ')}`, { issues: problems });
  }
  return result.data;
}

function collectRuleViolations(problem: RoutingProblem): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const { capacity } = problem.vehicles;
  const depotWindow = problem.depot.window;
  if (depotWindow && depotWindow.end < depotWindow.start) {
    out.push(`depot window ends (${depotWindow.end}) before it starts (${depotWindow.start})`);
  }
  for (const stop of problem.stops) {
    if (seen.has(stop.id)) out.push(`stop id "${stop.id}" is used twice`);
    seen.add(stop.id);
    if (stop.demand > capacity) {
      out.push(`stop "${stop.id}" needs ${stop.demand} but a van holds only ${capacity}`);
    }
    if (stop.window && stop.window.end < stop.window.start) {
      out.push(`stop "${stop.id}" window ends (${stop.window.end}) before it starts (${stop.window.start})`);
    }
  }
  out.push(...checkDistanceSource(problem));
  return out;
}

function checkDistanceSource(problem: RoutingProblem): string[] {
  const size = problem.stops.length + 1;
  const spec = problem.distance;
  if (spec.kind === 'matrix') {
    const out = checkSquare('distances', spec.distances, size);
    if (spec.travelTimes) out.push(...checkSquare('travelTimes', spec.travelTimes, size));
    return out;
  }
  const wanted = spec.kind === 'haversine' ? 'lat' : 'x';
  const places = [problem.depot.location, ...problem.stops.map((s) => s.location)];
  const names = ['depot', ...problem.stops.map((s) => `stop "${s.id}"`)];
  const out: string[] = [];
  places.forEach((place, i) => {
    if (!place || !(wanted in place)) {
      const what = wanted === 'lat' ? '{ lat, lon }' : '{ x, y }';
      out.push(`${names[i]} needs a location ${what} for ${spec.kind} distances`);
    }
  });
  return out;
}

function checkSquare(name: string, matrix: number[][], size: number): string[] {
  if (matrix.length !== size || matrix.some((row) => row.length !== size)) {
    return [`${name} must be a ${size}×${size} matrix (depot first, then the stops in order)`];
  }
  return [];
}
