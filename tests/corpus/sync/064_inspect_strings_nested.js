// Strings inside arrays and objects are quoted; quote style adapts to the content.
console.log(['a', 'b']);
console.log({ s: 'text' });
console.log(["it's"]);
console.log(['say "hi"']);
console.log([`both ' and "`]);
console.log(['all \' " ` three']);
console.log(['new\nline', 'tab\there']);
console.log(['', ' ']);
console.log({ empty: '', n: 0, b: false });
console.log([1, '1', true, 'true', null, 'null']);
console.log({ nested: { deeper: ['x'] } });
console.log('top', ['inner'], { k: 'v' });
console.log(['back\\slash']);
console.log([undefined, null, NaN]);
