import type { ParseResult } from '../../core/nlu.js';
import { entityValue, type Task } from '../tasks.js';
import { staffOrderIdSlot } from './slots.js';

/**
 * "shipped from Bristol", "came from the Leeds warehouse", "从布里斯托发货": the place named after
 * "from", up to punctuation or a word that ends it. Only for places the NLU does not tag as a
 * warehouse (a city we have no warehouse in is exactly the case worth answering plainly).
 */
const SHIPPED_FROM_EN = /\b(?:ship(?:ped|s)?|sent|dispatched|go(?:ne)?|went|come|came)\s+(?:out\s+)?from\s+(?:the\s+)?([a-z][a-z .'-]{1,40}?)(?=\s+(?:warehouse|instead|and|rather|not|when|if)\b|\s*[?.!,;]|\s*$)/i;
const SHIPPED_FROM_ZH = /从\s*([^\s，。？！,?!从]{1,12}?)\s*(?:仓库|仓)?\s*(?:发货|发出|寄出|出货|发的)/;

/**
 * The warehouse the staff member named, to check it against the real one: the NLU's `warehouse`
 * (a code such as `LDS`) or `city` entity, else the place after "shipped from".
 *
 * @remarks The demo NLU tags warehouses by their lookup (code, city, site name) and other towns
 * as `city`; the phrase after "ship(ped) from" catches what neither tags.
 */
export function allocationArgs(options: { parse: ParseResult }): Record<string, unknown> {
  const { parse } = options;
  const tagged = entityValue(parse, 'warehouse') ?? entityValue(parse, 'city');
  const phrase = SHIPPED_FROM_EN.exec(parse.text)?.[1] ?? SHIPPED_FROM_ZH.exec(parse.text)?.[1];
  const warehouse = (tagged ?? phrase)?.trim();
  return warehouse ? { warehouse } : {};
}

/** "Why did order X ship from W?", keyed by the intent that starts it; staff only (the tool says so). */
export const ALLOCATION_TASKS: Readonly<Record<string, Task>> = {
  order_warehouse: {
    intent: 'order_warehouse', tool: 'explain_order_warehouse', slots: [staffOrderIdSlot], needsCustomer: false, initialArgs: allocationArgs,
  },
};
