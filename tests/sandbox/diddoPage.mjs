// The sandbox's Diddo hosted checkout page: reads `cart_id` from the query and the customer session token
// from the fragment (`#auth_token=`), shows the buyer the token carries, and "Pay" submits the cart.
import { htmlPage, scriptJson } from './serviceKit.mjs';

/** The page; `apiBase` is where its own backend answers (cart summary, pay). */
export function hostedCheckoutPage(apiBase) {
  return htmlPage(
    'Diddo checkout',
    `<h1>Diddo checkout <small>(sandbox)</small></h1>
<section aria-labelledby="cart-heading"><h2 id="cart-heading">Your cart</h2><ul id="lines"></ul><p id="shipping"></p><p class="amount" id="total"></p></section>
<section aria-labelledby="buyer-heading"><h2 id="buyer-heading">Ship to</h2><dl id="buyer"></dl><p id="guest" hidden>Checking out as a guest.</p></section>
<p class="status" role="status" id="status">Loading…</p>
<button type="button" id="pay" disabled>Pay</button>`,
    `
const cartId = new URLSearchParams(location.search).get('cart_id');
const token = new URLSearchParams(location.hash.slice(1)).get('auth_token');
const status = document.getElementById('status');
const payButton = document.getElementById('pay');
const api = ${scriptJson(apiBase)};
function claims(jwt) {
try { return JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))); } catch { return null; }
}
function row(list, term, value) {
if (!value) return;
const dt = document.createElement('dt'); dt.textContent = term;
const dd = document.createElement('dd'); dd.textContent = value;
list.append(dt, dd);
}
const buyer = token ? claims(token)?.buyer ?? null : null;
const buyerList = document.getElementById('buyer');
if (buyer) {
row(buyerList, 'Name', [buyer.first_name, buyer.last_name].filter(Boolean).join(' '));
row(buyerList, 'Email', buyer.email);
row(buyerList, 'Phone', buyer.phone);
row(buyerList, 'Address', [buyer.address1, buyer.address2, [buyer.city, buyer.province_code, buyer.postal_code].filter(Boolean).join(' '), buyer.country_code].filter(Boolean).join(', '));
} else document.getElementById('guest').hidden = false;
function show(cart) {
const lines = document.getElementById('lines');
lines.replaceChildren(...cart.lines.map((l) => { const li = document.createElement('li'); li.textContent = l.quantity + ' × ' + l.name + (l.variant ? ' (' + l.variant + ')' : '') + ' — ' + l.price + ' ' + cart.currency; return li; }));
document.getElementById('shipping').textContent = 'Shipping: ' + cart.shipping.map((s) => s.store + ': ' + (s.method ?? 'cheapest available')).join('; ');
document.getElementById('total').textContent = 'Total ' + cart.total + ' ' + cart.currency;
const paid = cart.status === 'SUBMITTED';
status.textContent = paid ? 'Payment complete — order placed' : 'Ready to pay';
payButton.disabled = paid;
}
async function load() {
if (!cartId) { status.textContent = 'No cart in this link.'; return; }
const response = await fetch(api + '/cart/' + encodeURIComponent(cartId));
if (!response.ok) { status.textContent = 'This checkout was not found.'; return; }
show(await response.json());
}
payButton.addEventListener('click', async () => {
payButton.disabled = true;
const response = await fetch(api + '/pay', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ cart_id: cartId, token }) });
const answer = await response.json().catch(() => ({}));
if (!response.ok) { status.textContent = answer.message ?? 'Payment failed.'; payButton.disabled = response.status === 409; return; }
await load();
});
load();
`,
  );
}
