// -0 is visible in console.log and inspect output but not in String or JSON.
console.log(-0);
console.log([-0]);
console.log([0, -0, +0]);
console.log({ neg: -0 });
console.log(-0 + '');
console.log(String(-0), JSON.stringify([-0]));
console.log(0 * -5, -0 * -1, Math.round(-0.4), Math.sign(-0));
console.log(Math.min(0, -0), Math.max(-0, 0));
console.log(-0 === 0, Object.is(-0, 0), 1 / -0);
console.log(`${-0}`, [-0].join(), [-0, 1].toString());
console.log((-0).toFixed(2), parseInt('-0'), parseFloat('-0.0'));
