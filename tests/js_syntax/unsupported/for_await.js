async function main(list) {
  for await (const x of list) {
    console.log(x);
  }
}
