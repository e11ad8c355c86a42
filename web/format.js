/** Small, pure formatting helpers shared by the chat page and the source view. */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2017-01-24" → "24 January 2017"; "2023-03" (a document dated by its month) → "March 2023"; null → "undated". */
export function displayDate(iso) {
  if (!iso) return "undated";
  const [y, m, d] = iso.split("-").map(Number);
  return d ? `${d} ${MONTHS[m - 1]} ${y}` : `${MONTHS[m - 1]} ${y}`;
}

/** A section path as one line: "Inspection findings › Missing children". */
export function sectionPath(section) {
  return section.join(" › ");
}

/**
 * A reference ready to paste into a report or an email:
 * “quote” — Title, Publisher, 24 January 2017, Section > Subsection, para 45. https://…/source/…
 * The section path is joined with a plain ">", which any email or plain-text field keeps, where the page shows "›".
 * The quote as it reads (`text`): a page footer or break inside a sentence is left out.
 */
export function referenceText(citation, origin) {
  const quote = citation.text;
  const parts = [citation.documentTitle, citation.publisher, displayDate(citation.date)];
  if (citation.section.length > 0) parts.push(citation.section.join(" > "));
  if (citation.paragraph) parts.push(`para ${citation.paragraph}`);
  const within = citation.within ? ` (${citation.within.label} of ${citation.within.title})` : "";
  return `“${quote}” — ${parts.join(", ")}${within}. ${new URL(citation.url, origin).href}`;
}
