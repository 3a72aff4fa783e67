// Bubble sort and insertion sort, counting swaps.
function bubble(input) {
  const a = input.slice();
  let swaps = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a.length - 1 - i; j++) {
      if (a[j] > a[j + 1]) {
        [a[j], a[j + 1]] = [a[j + 1], a[j]];
        swaps++;
      }
    }
  }
  return { sorted: a, swaps };
}
function insertion(input) {
  const a = [...input];
  for (let i = 1; i < a.length; i++) {
    const cur = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > cur) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = cur;
  }
  return a;
}
const data = [5, 3, 8, 1, 9, 2, 7];
console.log(bubble(data));
console.log(insertion(data));
console.log(data);
console.log(bubble(['pear', 'fig', 'apple']).sorted);
console.log(bubble([]), insertion([1]));
