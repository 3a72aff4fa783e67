// A throw inside a then callback with no handler anywhere ends the process.
console.log('start');
const fetchData = () => Promise.resolve({ items: [] });
fetchData()
  .then((data) => {
    console.log('items:', data.items.length);
    return data.items[0].name;
  })
  .then((name) => console.log('never printed', name));
Promise.resolve().then(() => console.log('other microtask'));
console.log('sync end');
