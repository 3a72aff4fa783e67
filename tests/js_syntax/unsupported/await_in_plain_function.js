// node rejects this file too: await outside an async function
async function outer() {
  [1].forEach((x) => { await x; });
}
