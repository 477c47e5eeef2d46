import type { Address } from '../../store/index.js';
import { validateAddress } from './address-schema.js';
import { loadOwnedOrder, readStoredAddress } from './load.js';
import { recordHistory, updateOrderIfUnchanged } from './order-writes.js';
import { describeOrder } from './read.js';
import { addressChangeRefusal } from './rules.js';
import type { Actor, OrderDetail, OwnedOrderRef } from './types.js';

/** Options for {@link changeDeliveryAddress}. */
export interface ChangeDeliveryAddressOptions extends OwnedOrderRef {
  /** New address; validated and normalised with `AddressSchema` whatever its static type. */
  address: Address;
  actor: Actor;
  now: Date;
}

/** What an address change does, known before anything is written. */
export interface AddressChangePlan {
  orderId: number;
  /** The new address, normalised (postcode spacing, country code case). */
  address: Address;
  previousAddress: Address;
}

/** The order with its new address, and the address it replaced. */
export interface ChangeDeliveryAddressResult extends AddressChangePlan {
  order: OrderDetail;
}

/**
 * Changes where an order will be delivered, while it is still in the warehouse.
 *
 * @remarks Writes the order and a history note; run it inside the caller's transaction.
 * With `dryRun: true` it checks the same rules and returns the {@link AddressChangePlan}, writing nothing.
 * The order's status is checked before the address, so nobody is asked to fix an address that cannot be used.
 * @throws {@link RuleViolationError} `order_dispatched` or `order_already_cancelled`.
 * @throws {@link InvalidInputError} with a customer-readable reason when the address is invalid.
 * @throws {@link NotFoundError} `order` when it does not exist or belongs to someone else.
 * @throws {@link ConflictError} when the order changed concurrently.
 * @example
 * await changeDeliveryAddress({ db: trx, customerId: 12, orderId: 1001, address, actor: 'customer:12', now });
 */
export function changeDeliveryAddress(options: ChangeDeliveryAddressOptions & { dryRun: true }): Promise<AddressChangePlan>;
export function changeDeliveryAddress(options: ChangeDeliveryAddressOptions & { dryRun?: false }): Promise<ChangeDeliveryAddressResult>;
export async function changeDeliveryAddress(
  options: ChangeDeliveryAddressOptions & { dryRun?: boolean },
): Promise<AddressChangePlan | ChangeDeliveryAddressResult> {
  const order = await loadOwnedOrder(options);
  const refusal = addressChangeRefusal(order);
  if (refusal) throw refusal;
  const address = validateAddress(options.address);
  const plan: AddressChangePlan = { orderId: order.id, address, previousAddress: readStoredAddress(order.delivery_address) };
  if (options.dryRun) return plan;
  await updateOrderIfUnchanged(options.db, { order, deliveryAddress: address, now: options.now });
  await recordHistory(options.db, {
    orderId: order.id,
    status: order.status,
    at: options.now,
    actor: options.actor,
    note: 'delivery address changed',
  });
  return { ...plan, order: await describeOrder(options.db, await loadOwnedOrder(options)) };
}
