import type { Generated, Insertable, Selectable } from 'kysely';
import type { StaffRole } from '../core/staff.js';

/**
 * Database tables as Kysely sees them.
 *
 * @remarks Portability between SQLite and PostgreSQL decides the column types:
 * times are ISO-8601 UTC strings (`2026-11-25T15:00:00.000Z`), calendar dates are
 * `YYYY-MM-DD` strings, money is an integer in minor units (pence), booleans are 0/1
 * integers, and structured values are JSON text. Both engines then return identical rows.
 * Tables whose ids come from the outside world (order numbers, SKUs' products, customers)
 * take explicit integer ids; tables the application appends to use generated ids.
 */
export interface Database {
  customers: CustomersTable;
  suppliers: SuppliersTable;
  products: ProductsTable;
  warehouses: WarehousesTable;
  stock: StockTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  order_status_history: OrderStatusHistoryTable;
  shipments: ShipmentsTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  sales_daily: SalesDailyTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  staff_users: StaffUsersTable;
  audit_log: AuditLogTable;
  identity_attempts: IdentityAttemptsTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  route_plans: RoutePlansTable;
  route_stops: RouteStopsTable;
  staff_identities: StaffIdentitiesTable;
  channel_conversations: ChannelConversationsTable;
  handoffs: HandoffsTable;
  alerts: AlertsTable;
}

export interface CustomersTable {
  id: number;
  email: string;
  name: string;
  phone: string | null;
  /** JSON of {@link Address}. */
  default_address: string;
  locale: string;
  created_at: string;
}

export interface SuppliersTable {
  id: number;
  name: string;
  email: string;
  country: string;
  lead_time_days: number;
}

export interface ProductsTable {
  id: number;
  sku: string;
  name: string;
  description: string;
  category: string;
  price_minor: number;
  currency: string;
  supplier_id: number;
  /** JSON object of attributes (colour, sizes, material, ...). */
  attributes: string;
  active: number;
}

export interface WarehousesTable {
  id: number;
  code: string;
  name: string;
  city: string;
  lat: number;
  lng: number;
}

export interface StockTable {
  warehouse_id: number;
  product_id: number;
  on_hand: number;
  reserved: number;
  reorder_point: number;
  updated_at: string;
}

export type OrderStatus = 'paid' | 'packed' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

export interface OrdersTable {
  /** The order number customers see. */
  id: number;
  customer_id: number;
  status: OrderStatus;
  placed_at: string;
  updated_at: string;
  currency: string;
  subtotal_minor: number;
  shipping_minor: number;
  total_minor: number;
  /** JSON of {@link Address}. */
  delivery_address: string;
  warehouse_id: number;
}

export interface OrderLinesTable {
  id: Generated<number>;
  order_id: number;
  line_no: number;
  product_id: number;
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
  returned_quantity: number;
}

export interface OrderStatusHistoryTable {
  id: Generated<number>;
  order_id: number;
  status: string;
  at: string;
  /** Who changed it: `system`, `customer:12`, `staff:3`. */
  actor: string;
  note: string | null;
}

export type ShipmentStatus = 'label_created' | 'in_transit' | 'delayed' | 'out_for_delivery' | 'delivered';

export interface ShipmentsTable {
  id: Generated<number>;
  order_id: number;
  carrier: string;
  tracking_number: string;
  status: ShipmentStatus;
  shipped_at: string;
  promised_date: string;
  estimated_date: string;
  delivered_at: string | null;
}

export type ReturnStatus = 'requested' | 'received' | 'refunded' | 'rejected';

export interface ReturnsTable {
  id: Generated<number>;
  order_id: number;
  customer_id: number;
  status: ReturnStatus;
  reason: string | null;
  refund_minor: number;
  created_at: string;
  updated_at: string;
}

export interface ReturnLinesTable {
  id: Generated<number>;
  return_id: number;
  order_line_id: number;
  quantity: number;
}

/** Units sold per SKU, warehouse and day. A missing row means zero units that day. */
export interface SalesDailyTable {
  date: string;
  product_id: number;
  warehouse_id: number;
  units: number;
  revenue_minor: number;
  /** 1 when a promotion ran that day. */
  promo: number;
}

export interface ConversationsTable {
  id: string;
  channel: string;
  customer_id: number | null;
  staff_user_id: number | null;
  /** JSON of the dialogue state (see `bot/state.ts`). */
  state: string;
  /** Incremented on every state write; used for optimistic concurrency. */
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MessagesTable {
  id: Generated<number>;
  /** Public id of the activity. */
  activity_id: string;
  conversation_id: string;
  direction: 'in' | 'out';
  channel: string;
  user_id: string;
  role: string;
  text: string;
  intent: string | null;
  /** JSON array of entities. */
  entities: string | null;
  confidence: number | null;
  sentiment: number | null;
  client_message_id: string | null;
  reply_to_id: string | null;
  /** JSON of rich parts (quick replies, sources). */
  payload: string | null;
  created_at: string;
}

export type { StaffRole };

export interface StaffUsersTable {
  id: number;
  email: string;
  name: string;
  role: StaffRole;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  /** `customer`, `staff`, `system`. */
  actor_type: string;
  actor_id: string | null;
  conversation_id: string | null;
  tool: string;
  /** JSON of the validated arguments. */
  arguments: string;
  /** JSON of the result or error. */
  result: string;
  outcome: 'ok' | 'refused' | 'error';
}

export interface IdentityAttemptsTable {
  id: Generated<number>;
  /** What is limited, for example `conversation:<id>` or `order:<n>`. */
  key: string;
  at: string;
}

/** `received` ends an order's units counting as on order (the goods are in stock now). */
export type PurchaseOrderStatus = 'draft' | 'sent' | 'received' | 'cancelled';

/** A purchase order staff confirmed in chat; created as a draft, sent to the supplier outside the bot. */
export interface PurchaseOrdersTable {
  id: Generated<number>;
  supplier_id: number;
  status: PurchaseOrderStatus;
  currency: string;
  total_units: number;
  /** `null` when a line has no known unit cost. */
  total_minor: number | null;
  /** `staff:<id>` or `system`. */
  created_by: string;
  conversation_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrderLinesTable {
  id: Generated<number>;
  purchase_order_id: number;
  product_id: number;
  sku: string;
  /** The warehouse the delivery goes to; `null` for network-wide stock. */
  warehouse_id: number | null;
  quantity: number;
  pack_size: number;
  unit_cost_minor: number | null;
  /** JSON array of the sentences that explain the quantity. */
  reasoning: string;
}

/** A delivery route plan for one warehouse and day, as staff asked for it. */
export interface RoutePlansTable {
  id: Generated<number>;
  warehouse_id: number;
  /** `YYYY-MM-DD`, the delivery day. */
  date: string;
  vehicles: number;
  total_km: number;
  /** JSON of the `RoutePlan` with its assumptions. */
  plan: string;
  created_by: string;
  created_at: string;
}

/** One planned stop: which order, on which van, in which place of the run, arriving when. */
export interface RouteStopsTable {
  id: Generated<number>;
  route_plan_id: number;
  order_id: number;
  vehicle: number;
  seq: number;
  /** ISO timestamp of the planned arrival. */
  arrival: string;
}

/** A Teams (Entra object id) or Slack (user id) identity of a staff user. */
export interface StaffIdentitiesTable {
  platform: 'teams' | 'slack';
  external_id: string;
  staff_user_id: number;
  created_at: string;
}

/** A platform conversation (Teams conversation, Slack DM or thread) and ours. */
export interface ChannelConversationsTable {
  channel: string;
  /** The platform's id for the conversation (Teams conversation id; Slack `channel` or `channel:thread_ts`). */
  external_id: string;
  conversation_id: string;
  /** JSON the adapter needs to write to it later, unprompted (Teams conversation reference, Slack channel and thread). */
  reference: string;
  updated_at: string;
}

export type HandoffStatus = 'queued' | 'active' | 'closed';

/** A conversation handed to a human agent: while open, the bot sends the customer nothing. */
export interface HandoffsTable {
  id: Generated<number>;
  conversation_id: string;
  /** `customer_asked`, `low_confidence`, `negative_sentiment`. */
  reason: string;
  status: HandoffStatus;
  agent_staff_id: number | null;
  requested_at: string;
  accepted_at: string | null;
  closed_at: string | null;
  /** `resolved`, `returned_to_bot`, `abandoned`. */
  outcome: string | null;
  summary: string | null;
}

/** An alert a monitor rule raised. */
export interface AlertsTable {
  id: Generated<number>;
  rule: string;
  /** What it is about, for deduplication within the rule's cool-down. */
  key: string;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  detail: string;
  /** JSON of the numbers behind it. */
  data: string;
  raised_at: string;
  /** JSON array of the channels it reached (`monitor`, `teams`, `slack`). */
  delivered_to: string | null;
}

/** A postal address as stored in JSON columns. */
export interface Address {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postcode: string;
  country: string;
}

export type Customer = Selectable<CustomersTable>;
export type Product = Selectable<ProductsTable>;
export type Order = Selectable<OrdersTable>;
export type OrderLine = Selectable<OrderLinesTable>;
export type Shipment = Selectable<ShipmentsTable>;
export type Message = Selectable<MessagesTable>;
export type NewMessage = Insertable<MessagesTable>;
export type Conversation = Selectable<ConversationsTable>;
