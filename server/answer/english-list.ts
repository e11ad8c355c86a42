/** "a", "a or b", "a, b or c": items as a sentence names them. */
export function englishList(items: string[], conjunction = "or"): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}
