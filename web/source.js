import { requestJson } from "./api.js";
import { el } from "./dom.js";
import { displayDate } from "./format.js";

const $status = document.getElementById("status");
const $document = document.getElementById("document");
const $kind = document.getElementById("doc-kind");
const $title = document.getElementById("doc-title");
const $publisher = document.getElementById("doc-publisher");
const $date = document.getElementById("doc-date");
const $place = document.getElementById("doc-place");
const $note = document.getElementById("cited-note");
const $text = document.getElementById("doc-text");

/** The document id from `/source/<id>`. */
function documentIdFromPath(pathname) {
  const encoded = pathname.replace(/^\/source\//, "").replace(/\/$/, "");
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/**
 * The cited range from `?start=S&end=E`, checked against the text's length:
 * `{ ok: true, start, end }`, `{ ok: false, message }`, or undefined when the link gives none.
 */
function citedRange(params, length) {
  const start = params.get("start");
  const end = params.get("end");
  if (start === null && end === null) return undefined;
  const refuse = (why) => ({ ok: false, message: `${why}, so nothing is highlighted.` });
  if (start === null) return refuse("The link gives an end but no start");
  if (end === null) return refuse("The link gives a start but no end");
  for (const [name, value] of [["start", start], ["end", end]]) {
    if (!/^\d+$/.test(value)) return refuse(`The link’s ${name} (“${value}”) is not a whole number`);
  }
  const [s, e] = [Number(start), Number(end)];
  const count = (n) => n.toLocaleString("en-GB");
  if (s > e) return refuse(`The link’s start (${count(s)}) is after its end (${count(e)})`);
  if (s === e) return refuse(`The link’s range is empty: it starts and ends at character ${count(s)}`);
  if (e > length) return refuse(`The link asks for characters ${count(s)}–${count(e)}, but this document has ${count(length)}`);
  return { ok: true, start: s, end: e };
}

/** The pack's appendix that holds the whole range, if any. */
function partHolding(parts, start, end) {
  return parts.find((p) => p.start <= start && end <= p.end);
}

function renderNote(doc, range) {
  const lines = [];
  if (range.ok) {
    lines.push(`The cited passage is highlighted below (characters ${range.start.toLocaleString("en-GB")} to ${range.end.toLocaleString("en-GB")}).`);
    if (doc.parts.length > 0) {
      const part = partHolding(doc.parts, range.start, range.end);
      lines.push(
        part
          ? `It is in ${part.label} of this pack: “${part.title}”, ${part.publisher}, ${displayDate(part.date)}.`
          : "It is in the pack’s own pages, not in one of its appendices.",
      );
    }
  } else {
    lines.push(range.message);
  }
  $note.replaceChildren(...lines.map((line) => el("p", "", line)));
  $note.hidden = false;
}

/** The full text as text nodes, with [start, end) wrapped in `<mark id="cited">`. */
function renderText(text, range) {
  if (!range?.ok) {
    $text.replaceChildren(text);
    return undefined;
  }
  const $mark = el("mark", "", text.slice(range.start, range.end));
  $mark.id = "cited";
  $mark.tabIndex = -1;
  $text.replaceChildren(text.slice(0, range.start), $mark, text.slice(range.end));
  return $mark;
}

/** Brings the highlight into view: inside the text's own scroll box when it has one, else the page. */
function showMark($mark) {
  if ($text.scrollHeight > $text.clientHeight) {
    // The page stays at the top, so the title and the note stay in view beside the highlight.
    $text.scrollTop = Math.max(0, $mark.offsetTop - $text.clientHeight / 3);
    window.scrollTo(0, 0);
  } else {
    $mark.scrollIntoView({ block: "center" });
  }
  $mark.focus({ preventScroll: true });
}

function renderMissing(id, message) {
  document.title = "Document not found — Verbatim";
  document.querySelector(".skip-link")?.remove();
  const $heading = el("h1", "", "Document not found");
  const $explain = el("p", "", `Verbatim has no document with the id “${id}”. The link may be mistyped, or the document may have been removed when the index was rebuilt.`);
  const $section = el("section", "not-found");
  $section.append($heading, $explain);
  if (message) $section.append(el("p", "hint", message));
  $status.replaceWith($section);
}

async function main() {
  const id = documentIdFromPath(location.pathname);
  const result = await requestJson(`/api/documents/${encodeURIComponent(id)}`);
  if (!result.ok) {
    if (result.status === 404) return renderMissing(id);
    $status.className = "alert";
    $status.setAttribute("role", "alert");
    $status.textContent = `Could not load the document: ${result.message}`;
    return;
  }
  const doc = result.value;
  document.title = `${doc.title} — Verbatim`;
  $kind.textContent = doc.kind;
  $title.textContent = doc.title;
  $publisher.textContent = doc.publisher;
  $date.textContent = displayDate(doc.date);
  $place.textContent = doc.place;

  const range = citedRange(new URLSearchParams(location.search), doc.text.length);
  if (range) renderNote(doc, range);
  const $mark = renderText(doc.text, range);
  if (!$mark) document.querySelector(".skip-link")?.remove();
  $status.textContent = "";
  $status.hidden = true;
  $document.hidden = false;
  if ($mark) showMark($mark);
}

main();
