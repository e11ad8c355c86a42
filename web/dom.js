/** An element with an optional class and text; text always goes in as a text node. */
export function el(tag, className, text) {
  const $el = document.createElement(tag);
  if (className) $el.className = className;
  if (text !== undefined) $el.textContent = text;
  return $el;
}
