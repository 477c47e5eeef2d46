/** Supplier terms an order quantity must honour. */
export interface OrderTerms {
  /**
   * Units per pack; orders are whole packs.
   * @defaultValue 1
   */
  packSize?: number;
  /**
   * Minimum order quantity in units for the line.
   * @defaultValue 1
   */
  moq?: number;
}

/** An order quantity after rounding, and how it was reached. */
export interface RoundedQuantity {
  quantity: number;
  packs: number;
  /** One sentence per rounding step, for the line's reasoning. */
  steps: string[];
}

/**
 * Rounds a need up to whole packs, then up to the minimum order quantity (itself in whole packs).
 *
 * @remarks A need of zero or less orders nothing: the MOQ applies only to lines that are ordered.
 * @example
 * roundOrderQuantity(183, { packSize: 10, moq: 250 }); // { quantity: 250, packs: 25, ... }
 */
export function roundOrderQuantity(need: number, terms: OrderTerms = {}): RoundedQuantity {
  const packSize = terms.packSize ?? 1;
  const moq = terms.moq ?? 1;
  if (need <= 0) return { quantity: 0, packs: 0, steps: [] };
  const steps: string[] = [];
  let packs = Math.ceil(need / packSize);
  if (packSize > 1) steps.push(`Need ${need} rounds up to ${packs} packs of ${packSize} = ${packs * packSize}.`);
  if (packs * packSize < moq) {
    packs = Math.ceil(moq / packSize);
    const packWords = packSize > 1 ? ` (${packs} packs of ${packSize})` : '';
    steps.push(`Raised to the minimum order of ${moq}${packs * packSize > moq ? `, in whole packs ${packs * packSize}` : ''}${packWords}.`);
  }
  return { quantity: packs * packSize, packs, steps };
}
