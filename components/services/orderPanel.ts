import type { Money } from '../../utils/money/money';
import type { ProductSnapshot } from '../../utils/product/snapshot';
import type { Profile } from '../../utils/profiles/schema';

/** What a service's panel has gathered so far. */
export interface OrderDraft {
  /** The service's part of the start request; its adapter in the background checks it again. */
  order: unknown;
  /** What the customer will pay, shown before creating. */
  quote: Money | null;
}

export interface OrderPanelProps {
  product: ProductSnapshot;
  quantity: number;
  profile: Profile | null;
  /** Called with the draft once it is complete, and with null while something is missing. */
  onDraft(draft: OrderDraft | null): void;
}
