// node rejects this file too: for await outside an async function
function main(list) {
  for await (const x of list) {
    console.log(x);
  }
}
