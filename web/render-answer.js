import { Marked } from "/vendor/marked.js";
import DOMPurify from "/vendor/purify.js";

/**
 * An unescaped `[n]` in the answer is a citation marker. The server escapes brackets
 * inside quotes (`\[`), and marked consumes those escapes before this tokenizer runs,
 * so a quote that contains "[3]" stays text.
 */
const citationMarker = {
  name: "citationMarker",
  level: "inline",
  start: (src) => src.match(/\[\d+\]/)?.index,
  tokenizer(src) {
    const match = /^\[(\d+)\]/.exec(src);
    return match ? { type: "citationMarker", raw: match[0], n: Number(match[1]) } : undefined;
  },
  // A placeholder only: the link's address is set from the citation after sanitising.
  renderer: (token) => `<a class="cite-marker" data-cite="${token.n}">[${token.n}]</a>`,
};

/** What an answer may contain: text, headings, quotes, lists and links, nothing that loads or runs. */
const SANITISE = {
  ALLOWED_TAGS: ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "em", "strong", "del", "code", "pre", "ul", "ol", "li", "a"],
  ALLOWED_ATTR: ["href", "title", "start", "class", "data-cite"],
  RETURN_DOM_FRAGMENT: true,
};

const marked = new Marked({
  gfm: true,
  extensions: [citationMarker],
  // The answer's source titles are `###`; under the page's own headings they sit one level lower.
  walkTokens(token) {
    if (token.type === "heading") token.depth = Math.min(6, token.depth + 1);
  },
});

/** Marks a link as opening in a new tab, for sighted and screen-reader users alike. */
export function opensInNewTab($a) {
  $a.target = "_blank";
  $a.rel = "noopener";
}

/**
 * The answer's Markdown as sanitised DOM, each `[n]` a link to citation n's source view.
 * A marker with no matching citation is left as plain text.
 */
export function renderAnswer(markdown, citations) {
  const html = marked.parse(markdown, { async: false });
  const $fragment = DOMPurify.sanitize(html, SANITISE);
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  for (const $marker of $fragment.querySelectorAll("a[data-cite]")) {
    const citation = byNumber.get(Number($marker.dataset.cite));
    if (!citation) {
      $marker.replaceWith($marker.textContent);
      continue;
    }
    $marker.href = citation.url;
    $marker.setAttribute("aria-label", `Source ${citation.n}: ${citation.documentTitle} (opens in a new tab)`);
    opensInNewTab($marker);
  }
  for (const $link of $fragment.querySelectorAll("a:not([data-cite])")) opensInNewTab($link);
  return $fragment;
}
