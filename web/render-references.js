import { el } from "./dom.js";
import { displayDate, referenceText, sectionPath } from "./format.js";
import { opensInNewTab } from "./render-answer.js";

/** Copies text, falling back to a hidden textarea where the Clipboard API is unavailable (plain http). */
async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the older way below.
    }
  }
  const $scratch = el("textarea");
  $scratch.value = text;
  $scratch.setAttribute("readonly", "");
  $scratch.style.position = "fixed";
  $scratch.style.opacity = "0";
  // Selecting takes focus; it goes back where it was (the Copy button), not to <body>.
  const $focused = document.activeElement;
  document.body.append($scratch);
  $scratch.select();
  const copied = document.execCommand("copy");
  $scratch.remove();
  $focused?.focus();
  return copied;
}

function renderCopyButton(citation, announce) {
  const $button = el("button", "copy", "Copy");
  $button.type = "button";
  $button.setAttribute("aria-label", `Copy reference ${citation.n}`);
  $button.addEventListener("click", async () => {
    const copied = await copyText(referenceText(citation, location.origin));
    $button.textContent = copied ? "Copied" : "Copy failed";
    announce(copied ? `Reference ${citation.n} copied to the clipboard.` : `Could not copy reference ${citation.n}; select the quote and copy it by hand.`);
    setTimeout(() => ($button.textContent = "Copy"), 2500);
  });
  return $button;
}

function renderReference(citation, announce) {
  const $item = el("li", "reference");
  $item.value = citation.n;

  const $source = el("p", "ref-source");
  $source.append(el("cite", "", citation.documentTitle));
  $item.append($source, el("p", "ref-meta", `${citation.publisher}, ${displayDate(citation.date)}`));

  if (citation.within) {
    const $within = el("p", "ref-within", `${citation.within.label} of `);
    $within.append(el("cite", "", citation.within.title));
    $item.append($within);
  }

  const where = [sectionPath(citation.section), citation.paragraph ? `para ${citation.paragraph}` : ""].filter(Boolean);
  if (where.length > 0) $item.append(el("p", "ref-where", where.join(" · ")));

  // The quote as it reads, like the answer and the Copy text; the source view shows the raw characters.
  $item.append(el("blockquote", "ref-quote", citation.text));

  const $open = el("a", "open-source", "Open source");
  $open.href = citation.url;
  $open.setAttribute("aria-label", `Open source ${citation.n} (opens in a new tab)`);
  opensInNewTab($open);
  const $actions = el("p", "ref-actions");
  $actions.append(renderCopyButton(citation, announce), $open);
  $item.append($actions);
  return $item;
}

/** The numbered reference list under an answer. `announce` speaks a status message. */
export function renderReferences(citations, announce, headingId) {
  const $section = el("section", "references");
  const $heading = el("h4", "", `References (${citations.length})`);
  $heading.id = headingId;
  $section.setAttribute("aria-labelledby", headingId);
  const $list = el("ol", "reference-list");
  $list.append(...citations.map((c) => renderReference(c, announce)));
  $section.append($heading, $list);
  return $section;
}

/** Passages near an unanswered question: offered to read, clearly not an answer. */
export function renderRelated(related, headingId) {
  const $section = el("section", "related");
  const $heading = el("h4", "", "Nearby passages (not an answer)");
  $heading.id = headingId;
  $section.setAttribute("aria-labelledby", headingId);
  const $note = el("p", "related-note", "These were the closest passages found. None of them answers the question, but they may help you look further.");
  const $list = el("ul", "related-list");
  for (const passage of related) {
    const $item = el("li");
    // The passage's own words: several can share a document and section, so a title cannot tell them apart.
    const $link = el("a", "related-text", passage.text);
    $link.href = passage.url;
    opensInNewTab($link);
    const where = [passage.documentTitle, displayDate(passage.date), sectionPath(passage.section)].filter(Boolean).join(" · ");
    $item.append($link, el("span", "related-where", where));
    $list.append($item);
  }
  $section.append($heading, $note, $list);
  return $section;
}
