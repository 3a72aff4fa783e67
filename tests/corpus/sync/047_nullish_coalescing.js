// ?? only replaces null and undefined; || replaces every falsy value.
const values = [null, undefined, 0, '', false, NaN, 'text', 5];
for (const v of values) {
  console.log(String(v).padEnd(9), '??', v ?? 'default', '||', v || 'default');
}
let a = null;
a ??= 'set by ??=';
let b = 0;
b ??= 42;
let c = 0;
c ||= 42;
let d = 1;
d &&= 'and-assigned';
console.log(a, b, c, d);
const config = { retries: 0, name: '' };
console.log(config.retries ?? 3, config.retries || 3);
console.log(config.name ?? 'anon', config.name || 'anon');
console.log(config.timeout ?? 1000);
console.log(null ?? undefined ?? 'third');
console.log((null || undefined) ?? 'grouped');
