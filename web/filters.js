import { requestJson } from "./api.js";
import { el } from "./dom.js";
import { displayDate } from "./format.js";

/** "from 1 January 2017 to 31 December 2018", "from …", "up to …", or "" for any date. */
function dateRange(from, to) {
  if (from && to) return `from ${displayDate(from)} to ${displayDate(to)}`;
  if (from) return `from ${displayDate(from)}`;
  return to ? `up to ${displayDate(to)}` : "";
}

/**
 * The filters panel: a checkbox per document (all ticked means no document filter)
 * and a date range. `read()` gives `{ ok: true, filters, scope }` — both undefined when
 * nothing narrows the search, `scope` saying in words what does — or `{ ok: false, message }`.
 */
export function createFilters({ $documents, $from, $to, $summary, $reset }) {
  let documents = [];
  const boxes = () => [...$documents.querySelectorAll("input[type=checkbox]")];

  function describe() {
    const ticked = boxes().filter(($b) => $b.checked).length;
    const docs = ticked === documents.length ? "all documents" : `${ticked} of ${documents.length} documents`;
    $summary.textContent = `Searching ${docs}, ${dateRange($from.value, $to.value) || "any date"}`;
  }

  /** What a search with these filters is limited to: “Title”, “Title”; dates from … to … */
  function scope(filters) {
    const titles = filters.documentIds?.map((id) => `“${documents.find((d) => d.id === id).title}”`).join(", ");
    const dates = dateRange(filters.from, filters.to);
    return [titles, dates && `dates ${dates}`].filter(Boolean).join("; ");
  }

  function render() {
    const $list = el("ul", "document-choices");
    for (const doc of documents) {
      const $item = el("li");
      const $label = el("label");
      const $box = el("input");
      $box.type = "checkbox";
      $box.name = "documentIds";
      $box.value = doc.id;
      $box.checked = true;
      $label.append($box, el("span", "choice-title", doc.title), el("span", "choice-date", displayDate(doc.date)));
      $item.append($label);
      $list.append($item);
    }
    $documents.replaceChildren($list);
  }

  async function load() {
    const result = await requestJson("/api/documents");
    if (!result.ok) {
      $documents.replaceChildren(el("p", "filters-error", `Could not load the list of documents: ${result.message}`));
      return;
    }
    documents = result.value.documents;
    render();
    describe();
  }

  function read() {
    const ticked = boxes().filter(($b) => $b.checked).map(($b) => $b.value);
    if (documents.length > 0 && ticked.length === 0) return { ok: false, message: "No documents are ticked in the filters. Tick at least one document to search." };
    if ($from.value && $to.value && $from.value > $to.value) {
      return { ok: false, message: `The From date (${displayDate($from.value)}) is after the To date (${displayDate($to.value)}). Swap them, or widen the range.` };
    }
    const filters = {};
    if (ticked.length < documents.length) filters.documentIds = ticked;
    if ($from.value) filters.from = $from.value;
    if ($to.value) filters.to = $to.value;
    return Object.keys(filters).length > 0 ? { ok: true, filters, scope: scope(filters) } : { ok: true };
  }

  function reset() {
    for (const $box of boxes()) $box.checked = true;
    $from.value = "";
    $to.value = "";
    describe();
  }

  $documents.addEventListener("change", describe);
  $from.addEventListener("change", describe);
  $to.addEventListener("change", describe);
  $reset.addEventListener("click", reset);
  describe();
  return { load, read };
}
