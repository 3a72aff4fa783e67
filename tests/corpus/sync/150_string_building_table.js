// Building a text table with padding and repeat.
const rows = [
  { item: 'Widget', qty: 3, price: 4.5 },
  { item: 'Gadget', qty: 10, price: 12.25 },
  { item: 'Thingamajig', qty: 1, price: 100 },
];
const header = ['Item'.padEnd(12), 'Qty'.padStart(4), 'Price'.padStart(9), 'Total'.padStart(9)].join(' ');
console.log(header);
console.log('-'.repeat(header.length));
let grand = 0;
for (const { item, qty, price } of rows) {
  const total = qty * price;
  grand += total;
  console.log(
    [item.padEnd(12), String(qty).padStart(4), price.toFixed(2).padStart(9), total.toFixed(2).padStart(9)].join(' ')
  );
}
console.log('-'.repeat(header.length));
console.log('Grand total:'.padEnd(header.length - 9) + grand.toFixed(2).padStart(9));
