// node rejects this file too: decorators are not in Node 20
@sealed
class A {}
