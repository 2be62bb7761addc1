import type { MessageKey } from '../../shared/i18n';

export interface DemoOption {
  label: MessageKey;
  values: { value: string; label: MessageKey | null }[];
}

export interface DemoProduct {
  name: MessageKey;
  description: MessageKey;
  price: string;
  currency: string;
  /** Under `public/demo/`. */
  image: string;
  options: DemoOption[];
}

const SIZE: DemoOption = { label: 'demoSize', values: ['S', 'M', 'L'].map((value) => ({ value, label: null })) };
const COLOR: DemoOption = {
  label: 'demoColor',
  values: [
    { value: 'Blue', label: 'demoColorBlue' },
    { value: 'Grey', label: 'demoColorGrey' },
  ],
};

/**
 * The products of the demo page (`demo.html?product=<id>`). The second one's address contains "fail", so its
 * demo purchase fails (see `simulation.ts`): that is how the demo shows a failure.
 */
export const DEMO_PRODUCTS = {
  tee: { name: 'demoTeeName', description: 'demoTeeDescription', price: '29.00', currency: 'USD', image: '/demo/tee.svg', options: [SIZE, COLOR] },
  'fail-print': { name: 'demoPrintName', description: 'demoPrintDescription', price: '120.00', currency: 'USD', image: '/demo/print.svg', options: [] },
} as const satisfies Record<string, DemoProduct>;

export type DemoProductId = keyof typeof DEMO_PRODUCTS;

export function isDemoProductId(value: string | null): value is DemoProductId {
  return value !== null && Object.hasOwn(DEMO_PRODUCTS, value);
}
