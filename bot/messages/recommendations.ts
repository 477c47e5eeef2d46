import { formatMoney } from '../../core/money.js';
import type { RecommendationReason } from '../../ops/index.js';
import type { Language } from './catalogue.js';

/** A product of the catalogue as the reply shows it. */
export interface CatalogueProduct {
  productId: number;
  sku: string;
  name: string;
  category: string;
  priceMinor: number;
  currency: string;
}

/** One recommended product with what its reason line needs. */
export interface RecommendedProduct extends CatalogueProduct {
  reason: RecommendationReason;
  /** Orders containing this product. */
  orders: number;
  /** Orders containing both this product and the one asked about; 0 without one. */
  together: number;
  /** Whether it is in the same category as the product asked about. */
  sameCategory: boolean;
}

/** What the recommendation reply is built from. */
export interface RecommendationsReply {
  /** The product asked about, when one was found. */
  anchor?: { sku: string; name: string };
  /** The SKU or name asked about that matched no product. */
  notFound?: string;
  items: readonly RecommendedProduct[];
}

/** Texts of the recommendation tool, in one language. */
export interface RecommendationsCatalogue {
  recommendations(p: RecommendationsReply): string;
}

const price = (item: RecommendedProduct) => formatMoney(item.priceMinor, item.currency);
const orders = (n: number) => (n === 1 ? '1 order' : `${n} orders`);

function enReason(item: RecommendedProduct, anchored: boolean): string {
  if (item.reason === 'popular') return item.orders > 0 ? `a best seller, in ${orders(item.orders)}` : 'in stock now';
  if (!anchored) return 'often bought by customers who bought what you have';
  if (item.reason === 'co-purchase') return `bought together with it in ${orders(item.together)}`;
  if (item.sameCategory && item.together > 0) return `also ${item.category}, and bought with it in ${orders(item.together)}`;
  return item.sameCategory ? `similar: also ${item.category}` : `bought with it in ${orders(item.together)}`;
}

function enHeading(p: RecommendationsReply): string {
  const missing = p.notFound ? `I couldn't find "${p.notFound}" in our catalogue. ` : '';
  if (p.items.length === 0) return `${missing}I have nothing in stock to recommend right now.`;
  if (p.anchor) {
    const product = `${p.anchor.name} (${p.anchor.sku})`;
    return p.items.some((i) => i.reason === 'co-purchase') ? `Customers who bought ${product} also bought:` : `Something like ${product}:`;
  }
  if (p.items.some((i) => i.reason === 'co-purchase')) return `${missing}Picked for you, from what you've bought before:`;
  return `${missing}Our best sellers in stock right now:`;
}

function zhReason(item: RecommendedProduct, anchored: boolean): string {
  if (item.reason === 'popular') return item.orders > 0 ? `热销商品，出现在 ${item.orders} 个订单中` : '现货供应';
  if (!anchored) return '买过您所购商品的顾客也常买';
  if (item.reason === 'co-purchase') return `与它一起购买过 ${item.together} 次`;
  if (item.sameCategory && item.together > 0) return `同属 ${item.category} 类，且与它一起购买过 ${item.together} 次`;
  return item.sameCategory ? `同类商品（${item.category}）` : `与它一起购买过 ${item.together} 次`;
}

function zhHeading(p: RecommendationsReply): string {
  const missing = p.notFound ? `在商品目录中找不到“${p.notFound}”。` : '';
  if (p.items.length === 0) return `${missing}目前没有可推荐的现货商品。`;
  if (p.anchor) {
    const product = `${p.anchor.name}（${p.anchor.sku}）`;
    return p.items.some((i) => i.reason === 'co-purchase') ? `购买了 ${product}的顾客还买了：` : `与 ${product}类似的商品：`;
  }
  if (p.items.some((i) => i.reason === 'co-purchase')) return `${missing}根据您的购买记录为您挑选：`;
  return `${missing}目前有货的热销商品：`;
}

const en: RecommendationsCatalogue = {
  recommendations: (p) => [
    enHeading(p),
    ...p.items.map((i) => `• ${i.name} (${i.sku}), ${price(i)}: ${enReason(i, p.anchor !== undefined)}`),
  ].join('\n'),
};

const zh: RecommendationsCatalogue = {
  recommendations: (p) => [
    zhHeading(p),
    ...p.items.map((i) => `• ${i.name}（${i.sku}），${price(i)}：${zhReason(i, p.anchor !== undefined)}`),
  ].join('\n'),
};

/** Recommendation texts by language. */
export const recommendationsMessages: Readonly<Record<Language, RecommendationsCatalogue>> = { en, zh };
