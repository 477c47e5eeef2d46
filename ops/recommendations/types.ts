/** The distinct products of one order, with who placed it and when. */
export interface OrderBasket {
  orderId: number;
  customerId: number;
  /** ISO-8601 UTC time the order was placed. */
  placedAt: string;
  productIds: readonly number[];
}

/** A product that may be recommended, with its category and stock. */
export interface CatalogItem {
  productId: number;
  category: string;
  /** Units available (on hand − reserved) in the best-stocked warehouse. */
  available: number;
}

/** How two products' co-occurrence is normalised. */
export type SimilarityMeasure = 'cosine' | 'lift';

/** Why a product was recommended. */
export type RecommendationReason = 'co-purchase' | 'similar' | 'popular';

/** One recommended product; a higher score is a stronger recommendation. */
export interface Recommendation {
  productId: number;
  score: number;
  reason: RecommendationReason;
}

/** A neighbouring product and how often it was bought with the anchor. */
export interface Neighbour {
  productId: number;
  score: number;
  /** Orders containing both products. */
  support: number;
}
