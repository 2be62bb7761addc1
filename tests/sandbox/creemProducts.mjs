// The sandbox Creem store's products (prices in cents, as Creem sends them).

/** The store's products; one matches a demo-shop product by name, one is linked from the kettle page. */
export const CREEM_PRODUCTS = [
  product('prod_4mT9eRinoCrewTee2Qw7xZ', 'Merino Crew T-Shirt', 'The Northwind merino tee, shipped from our studio.', 2900, 'USD'),
  product('prod_7pB2rewingMasterc1aS5', 'Pour-Over Brewing Masterclass', 'A two-hour video course on pour-over coffee.', 4900, 'EUR'),
  product('prod_2kF8ie1dGuideMerino9R', 'Field Guide to Merino Wool (ebook)', 'Everything about caring for merino.', 999, 'USD'),
  product('prod_9xQ1con5ampler0ne6Ct', 'Minimal Icon Sampler', 'Twelve icons, a taste of the full set.', 1, 'USD'),
  product('prod_5vL3ightroomPresets8H', 'Lightroom Preset Bundle', '40 presets for film-like colour.', 129999, 'USD'),
  product('prod_3nR7roP1anMonth1yKt4G', 'Pro Plan', 'Monthly subscription to the pro tools.', 1299, 'EUR', { billing_type: 'recurring', billing_period: 'every-month' }),
  product('prod_6wA4rchived0ldTemp1aV', 'Notion Planner Template (old)', 'Replaced by the 2025 edition.', 1500, 'USD', { status: 'archived' }),
];

function product(id, name, description, price, currency, extra = {}) {
  return {
    id,
    mode: 'test',
    object: 'product',
    name,
    description,
    price,
    currency,
    billing_type: 'onetime',
    billing_period: 'once',
    status: 'active',
    tax_mode: 'exclusive',
    tax_category: 'saas',
    image_url: null,
    product_url: `https://creem.io/payment/${id}`,
    created_at: '2025-01-15T10:00:00.000Z',
    updated_at: '2025-01-15T10:00:00.000Z',
    ...extra,
  };
}

export const CREEM_MERINO_PRODUCT_ID = CREEM_PRODUCTS[0].id;
export const CREEM_COURSE_PRODUCT_ID = CREEM_PRODUCTS[1].id;
