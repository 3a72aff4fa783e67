// parseInt and parseFloat read a leading number; Number() needs the whole string.
console.log(parseInt('42'), parseInt('42px'), parseInt('px42'), parseInt('  7 '));
console.log(parseInt('3.99'), parseInt('-0x1F'), parseInt('0x1F'), parseInt('1e3'));
console.log(parseInt('101', 2), parseInt('ff', 16), parseInt('z', 36), parseInt('9', 8));
console.log(parseInt(''), parseInt('-'), parseInt(null), parseInt('Infinity'));
console.log(parseFloat('3.14abc'), parseFloat('.5'), parseFloat('-.5e2'), parseFloat('1e-3x'));
console.log(parseFloat('Infinity'), parseFloat('abc'), parseFloat('  2.5  '));
console.log(Number('42'), Number('42px'), Number(''), Number(' '), Number('0x10'));
console.log(Number(null), Number(undefined), Number(true), Number([]), Number(['5']));
console.log(Number('1e3'), Number('-1.5'), Number('0b101'), Number('1_000'));
console.log(parseInt(0.0000005), parseInt(1e21));
