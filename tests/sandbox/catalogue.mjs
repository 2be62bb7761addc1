// The demo shop's products. Prices are what the sandbox charges when a checkout completes.
export const catalogue = [
  {
    slug: 'merino-tee',
    name: 'Merino Crew T-Shirt',
    description: 'A soft merino wool T-shirt for every season.',
    currency: 'USD',
    image: '/images/merino-tee.svg',
    brand: 'Northwind',
    options: ['Size', 'Color'],
    variants: [
      { id: '4241', sku: 'MT-BL-S', Size: 'S', Color: 'Blue', price: '29.00' },
      { id: '4242', sku: 'MT-BL-M', Size: 'M', Color: 'Blue', price: '29.00' },
      { id: '4243', sku: 'MT-BL-L', Size: 'L', Color: 'Blue', price: '31.00' },
      { id: '4244', sku: 'MT-GR-S', Size: 'S', Color: 'Grey', price: '29.00' },
      { id: '4245', sku: 'MT-GR-M', Size: 'M', Color: 'Grey', price: '29.00' },
      { id: '4246', sku: 'MT-GR-L', Size: 'L', Color: 'Grey', price: '31.00' },
    ],
  },
  {
    slug: 'pour-over-kettle',
    name: 'Ceramic Pour-Over Kettle',
    description: 'A 0.8 l gooseneck kettle, glazed stoneware.',
    currency: 'GBP',
    image: '/images/pour-over-kettle.svg',
    brand: 'Hearth & Co',
    options: [],
    variants: [{ id: '7001', sku: 'KET-08', price: '45.00' }],
  },
  {
    slug: 'enamel-pin',
    name: 'Enamel Pin',
    description: 'A small enamel pin, in three colours.',
    currency: 'USD',
    image: '/images/merino-tee.svg',
    brand: 'Northwind',
    options: ['Color'],
    variants: [
      { id: '5101', sku: 'PIN-RD', Color: 'Red', price: '1.00' },
      { id: '5102', sku: 'PIN-GN', Color: 'Green', price: '1.00' },
      { id: '5103', sku: 'PIN-BL', Color: 'Blue', price: '1.00' },
    ],
  },
  {
    slug: 'limited-print',
    name: 'Limited Edition Print',
    description: 'Signed print, edition of 50. Sells out fast.',
    currency: 'EUR',
    image: '/images/limited-print.svg',
    brand: 'Atelier Nord',
    options: [],
    variants: [{ id: '9001', sku: 'PRINT-50', price: '120.00' }],
    // The sandbox's agent never manages to buy this one: it shows how a failed purchase looks.
    failureNotes: 'Sold out before the agent could check out: the shop shows 0 left.',
  },
];

export function findProduct(slug) {
  return catalogue.find((product) => product.slug === slug) ?? null;
}
