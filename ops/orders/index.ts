/**
 * Order rules: look up, cancel, re-address and return orders, and identify a guest by e-mail.
 *
 * @remarks Every function takes the caller's database handle and never opens a transaction:
 * pass the `Transaction` of the current turn so a change and its history commit together.
 * Customer-facing functions take `customerId`; another customer's order is reported exactly
 * like a missing one (`NotFoundError('order')`).
 */
export type { Actor, DbOption, OrderDetail, OrderHistoryEntry, OrderLineDetail, OrderSummary, OwnedOrderRef, ReturnSummary, ShipmentDetail } from './types.js';
export { getOrder, listRecentOrders, type ListRecentOrdersOptions } from './read.js';
export { cancelOrder, type CancelOrderOptions, type CancelOrderResult, type CancelPlan } from './cancel.js';
export { changeDeliveryAddress, type AddressChangePlan, type ChangeDeliveryAddressOptions, type ChangeDeliveryAddressResult } from './delivery-address.js';
export {
  AddressSchema,
  POSTCODE_RULES,
  SHIPPING_COUNTRIES,
  isShippingCountry,
  isValidPostcode,
  normalisePostcode,
  validateAddress,
  type ShippingCountry,
} from './address-schema.js';
export { parseAddress, type ParseAddressOptions } from './parse-address.js';
export { RETURN_WINDOW_DAYS, type ReturnWindowOptions } from './return-window.js';
export { returnableLines, startReturn, type ReturnableLine, type ReturnableLines, type ReturnPlan, type StartReturnOptions, type StartReturnResult } from './returns.js';
export { verifyOrderEmail, type VerifyOrderEmailOptions } from './verify-email.js';
export { BEFORE_DISPATCH, SUGGESTIONS, isBeforeDispatch } from './rules.js';
