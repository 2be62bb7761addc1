import { fromUnits, times } from '../../money/money';
import type { ServiceAdapter } from '../adapter';
import { clientOptions } from '../clientOptions';
import type { Connection } from '../service';
import { isServiceError } from '../errors';
import { type CreemClient, type CreemProduct, createCreemClient } from './client';
import { bestProductMatch } from './match';
import { type CreemOrder, creemOrderSchema, type CreemProductOption, creemProductParams, type CreemProductsPage, creemProductsParams } from './order';

const PAGE_SIZE = 50;
/** Pages searched for a product matching the page's name when creating from the context menu. */
const MATCH_PAGES = 2;

const option = (p: CreemProduct): CreemProductOption => ({ id: p.id, name: p.name, price: p.price, currency: p.currency });
const active = (p: CreemProduct) => p.status !== 'archived';

/** Creem: a checkout for one of the store's own products, units = quantity, for the profile's email. */
export function createCreemAdapter(clientFor: (connection: Connection) => CreemClient = (c) => createCreemClient(clientOptions(c))): ServiceAdapter<CreemOrder> {
  async function activeProducts(client: CreemClient, page: number): Promise<CreemProductsPage> {
    const result = await client.searchProducts({ page, pageSize: PAGE_SIZE });
    return { items: result.items.filter(active).map(option), page: result.page, nextPage: result.nextPage };
  }

  return {
    orderSchema: creemOrderSchema,
    intentKey: (order) => order.productId,
    quote: (order, { quantity }) => ({ amount: fromUnits(times(order.price, quantity)), currency: order.currency }),
    async create(connection, { order, product, quantity, profile, intentId }) {
      const checkout = await clientFor(connection).createCheckout({
        productId: order.productId,
        units: quantity,
        customerEmail: profile.email,
        requestId: intentId,
        metadata: { page_url: product.url },
      });
      return { checkoutId: checkout.id, checkoutUrl: checkout.checkoutUrl, expiresAt: null, amount: null };
    },
    status: (connection, checkoutId) => clientFor(connection).getCheckout(checkoutId),
    async testConnection(connection) {
      const result = await clientFor(connection).testConnection();
      return result.outcome === 'works' ? { outcome: 'works' } : result;
    },
    queries: {
      products: { params: creemProductsParams, run: (connection, { page }: { page: number }) => activeProducts(clientFor(connection), page) },
      product: {
        params: creemProductParams,
        run: async (connection, { id }: { id: string }) => option(await clientFor(connection).getProduct(id)),
      },
    },
    async autoOrder(connection, { product }) {
      const client = clientFor(connection);
      const linked = product.checkoutLinks.creemProducts[0];
      let chosen: CreemProductOption | null = null;
      if (linked) {
        try {
          const found = await client.getProduct(linked);
          if (active(found)) chosen = option(found);
        } catch (error) {
          if (!isServiceError(error) || error.kind !== 'not_found') throw error;
        }
      }
      if (!chosen && product.name) {
        const candidates: CreemProductOption[] = [];
        for (let page: number | null = 1, count = 0; page && count < MATCH_PAGES; count += 1) {
          const result = await activeProducts(client, page);
          candidates.push(...result.items);
          page = result.nextPage;
        }
        chosen = bestProductMatch(candidates, product.name);
      }
      return chosen ? { productId: chosen.id, label: chosen.name, price: chosen.price, currency: chosen.currency } : null;
    },
  };
}
