// Chained array methods turning records into a report.
const orders = [
  { id: 1, customer: 'ann', items: [{ p: 5, q: 2 }, { p: 3, q: 1 }], status: 'paid' },
  { id: 2, customer: 'bob', items: [{ p: 20, q: 1 }], status: 'refunded' },
  { id: 3, customer: 'ann', items: [{ p: 1, q: 10 }], status: 'paid' },
  { id: 4, customer: 'cy', items: [], status: 'paid' },
  { id: 5, customer: 'bob', items: [{ p: 7, q: 3 }], status: 'paid' },
];
const totals = orders
  .filter((o) => o.status === 'paid')
  .map((o) => ({ customer: o.customer, total: o.items.reduce((s, i) => s + i.p * i.q, 0) }))
  .filter((o) => o.total > 0);
console.log(totals);
const byCustomer = totals.reduce((acc, { customer, total }) => {
  acc[customer] = (acc[customer] || 0) + total;
  return acc;
}, {});
console.log(byCustomer);
const ranking = Object.entries(byCustomer)
  .sort(([, a], [, b]) => b - a)
  .map(([c, t], i) => `${i + 1}. ${c}: ${t}`);
console.log(ranking.join('\n'));
console.log(orders.some((o) => o.items.length === 0), orders.every((o) => o.id > 0));
