// Prime sieve and factorisation.
function sieve(limit) {
  const isPrime = new Array(limit + 1).fill(true);
  isPrime[0] = isPrime[1] = false;
  for (let i = 2; i * i <= limit; i++) {
    if (!isPrime[i]) continue;
    for (let j = i * i; j <= limit; j += i) isPrime[j] = false;
  }
  const out = [];
  isPrime.forEach((p, i) => p && out.push(i));
  return out;
}
console.log(sieve(100));
function factor(n) {
  const f = [];
  for (let d = 2; d * d <= n; d++) {
    while (n % d === 0) {
      f.push(d);
      n /= d;
    }
  }
  if (n > 1) f.push(n);
  return f;
}
for (const n of [12, 97, 360, 1001, 65536]) {
  console.log(n, '=', factor(n).join(' x '));
}
console.log(sieve(1000).length);
