/**
 * The elements under `root` that match `selector`, in document order: what `root.querySelectorAll(selector)`
 * lists, found in one walk of the tree. The server's DOM (happy-dom) copies its growing result once per
 * top-level block, so a long imported body took time in the square of its length there.
 */
export function queryAllInOrder(root: ParentNode, selector = '*'): Element[] {
  const found: Element[] = [];
  const isEveryElement = selector === '*';
  // Children are pushed last first, so the stack hands them back in document order.
  const pending: Element[] = Array.from(root.children).reverse();
  while (pending.length > 0) {
    const element = pending.pop()!;
    if (isEveryElement || element.matches(selector)) found.push(element);
    const children = Array.from(element.children);
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]!);
  }
  return found;
}
