import { allocationMessages } from '../messages/allocation.js';
import { entityValue, type SlotSpec } from '../tasks.js';

/** The demo shop's order numbers (100000–999999), for a bare answer to "which order?". */
const ORDER_NUMBER = /(?<!\d)[1-9]\d{5}(?!\d)/;
/** The order a staff member asks about: the NLU's order number, a bare number when we just asked, or the order in focus. */
export const staffOrderIdSlot: SlotSpec = {
  name: 'orderId',
  entityType: 'order_id',
  async fill(ctx) {
    const mentioned = entityValue(ctx.parse, 'order_id');
    if (mentioned) return { value: Number(mentioned) };
    const typed = ctx.asked ? ORDER_NUMBER.exec(ctx.parse.text)?.[0] : undefined;
    if (typed) return { value: Number(typed) };
    if (!ctx.asked && ctx.focusOrderId !== undefined) return { value: ctx.focusOrderId };
    return undefined;
  },
  async ask(ctx) {
    return { text: allocationMessages[ctx.language].askOrderId };
  },
};
