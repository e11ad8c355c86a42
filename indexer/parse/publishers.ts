import { MONTH_NAMES } from "../contract/dates.js";

/**
 * Inspectorates and regulators that write about councils, with how to recognise them.
 * Councils need no entry: they are named as "<Place> County Council" and found in the text.
 * Extend this list to serve documents from another regulator.
 */
export const INSPECTORATES: { name: string; pattern: RegExp }[] = [
  { name: "Ofsted", pattern: /\bofsted\b/i },
  { name: "Care Quality Commission", pattern: /\bcqc\b|care quality commission/i },
  { name: "HM Inspectorate of Probation", pattern: /inspectorate of probation/i },
  { name: "HM Inspectorate of Prisons", pattern: /inspectorate of prisons/i },
  { name: "HM Inspectorate of Constabulary and Fire & Rescue Services", pattern: /\bhmicfrs\b|inspectorate of constabulary/i },
  { name: "Local Government and Social Care Ombudsman", pattern: /local government (?:(?:and|&) social care )?ombudsman|\blgsco\b/i },
  { name: "Housing Ombudsman", pattern: /\bhousing ombudsman\b/i },
  // A peer challenge's report names the regulators it looked at; the LGA wrote it.
  { name: "Local Government Association", pattern: /local government association|\bLGA\b/ },
  { name: "Regulator of Social Housing", pattern: /regulator of social housing/i },
  // Wales and Scotland. "Care Inspectorate Wales" comes before Scotland's "Care Inspectorate", whose pattern it would also match.
  { name: "Care Inspectorate Wales", pattern: /care inspectorate wales|\bciw\b/i },
  { name: "Estyn", pattern: /\bestyn\b/i },
  { name: "Audit Wales", pattern: /\baudit wales\b|wales audit office/i },
  { name: "Public Services Ombudsman for Wales", pattern: /public services ombudsman for wales/i },
  { name: "Care Inspectorate", pattern: /\bcare inspectorate\b/i },
  { name: "Education Scotland", pattern: /\beducation scotland\b/i },
  // The Accounts Commission publishes the Best Value reports that Audit Scotland prepares for it.
  { name: "Accounts Commission", pattern: /\baccounts commission\b/i },
  { name: "Audit Scotland", pattern: /\baudit scotland\b/i },
  { name: "Scottish Public Services Ombudsman", pattern: /scottish public services ombudsman|\bspso\b/i },
  // Councils' own papers name the department often; only its letterhead, a line of its own, says it wrote.
  { name: "Department for Education", pattern: /^(?:the )?department for education$/im },
];

/** A place's name: "Worcestershire", "North Yorkshire", "Stockton-on-Tees", "Kingston upon Thames", "Eastleigh Vale", "Epping Forest". */
const PLACE = String.raw`(?:(?:North|South|East|West|Central|Mid) )?[A-Z][a-z]+(?: (?:Vale|Valley|Forest|Dales|Heath|Hills|Downs|Wolds|Moors?|Chase|Point|Wells|Coast|Marsh|Fields|Green|Bay|Cross|Water|Hams|Lakes|Peak))?(?:[- ](?:upon|on|under)[- ][A-Z][a-z]+)?`;

/**
 * A council's name, either way round: "Worcestershire County Council", "Carreg County Borough
 * Council", "Camden London Borough Council"; "London Borough of Camden", "City of York Council".
 */
const COUNCIL = new RegExp(
  String.raw`\b(${PLACE}) (County Borough|County|City|Borough|District|Metropolitan Borough|London Borough) Council\b|\b(London Borough|Royal Borough|City and County|City|County Borough|Borough) of (${PLACE})(?: Council)?\b`,
  "g",
);

/** A letterhead line that names a council by its place alone: "EASTLEIGH VALE COUNCIL", "# Kelby Council". */
const PLACE_COUNCIL_LINE = new RegExp(String.raw`^[^\S\n]*(?:#+[^\S\n]+)?(${PLACE}) Council[^\S\n]*$`, "gm");

/** The councils a text names, each with its place; a letterhead in capitals is read in title case. */
function councilsIn(text: string): { name: string; place: string }[] {
  const plain = unshoutLines(text);
  return [
    ...[...plain.matchAll(COUNCIL)].map((m) =>
      m[1] ? { name: `${m[1]} ${m[2]} Council`, place: m[1] } : { name: m[0].endsWith(" Council") ? m[0] : `${m[0]} Council`, place: m[4] },
    ),
    ...[...plain.matchAll(PLACE_COUNCIL_LINE)].map((m) => ({ name: `${m[1]} Council`, place: m[1] })),
  ];
}

/** The council a line names when it is only that council's name, as a letterhead gives it: no title. */
export function councilNamed(line: string): { name: string; place: string } | undefined {
  const text = unshoutLines(line.trim());
  return councilsIn(text).find((c) => c.name === text || c.name === `${text} Council`);
}

/** True when a line is only a council's name, as a letterhead gives it: no title. */
export const isCouncilName = (line: string): boolean => !!councilNamed(line);

/** True when a line is only an inspectorate's name, as a letterhead or cover page gives it: no title. "His Majesty's" is "HM". */
export function isInspectorateName(line: string): boolean {
  const text = line.trim().replace(/^(?:His|Her) Majesty['’]s\b/i, "HM");
  return INSPECTORATES.some((i) => i.name.toLowerCase() === text.toLowerCase() || i.pattern.exec(text)?.[0].length === text.length);
}

/**
 * One of Her Majesty's Inspectors, or a lead inspector, named: they lead inspections for several
 * inspectorates, so the text around them says which.
 */
export const INSPECTOR_NAMED = /majesty['’]s inspector|\bHMI\b|\blead inspector\b/i;

/** The inspectorate a piece of text names, if any. */
export function inspectorateIn(text: string): string | undefined {
  return INSPECTORATES.find((i) => i.pattern.test(text))?.name;
}

/**
 * A safeguarding partnership or board, or another partnership of a place, on a line of its own, as its
 * report's cover names it: "Pellcombe Safeguarding Children Partnership", "Safer Kestonbury Partnership",
 * "Wexcombe Youth Justice Partnership".
 */
const BOARD_LINE = new RegExp(
  String.raw`^(?:#+\s+)?(?:The )?(?:(${PLACE}) Safeguarding (?:Children|Adults)(?:'s)? (?:Partnership|Board)|(?:[A-Z][\w'’&-]* ){1,4}Partnership)$`,
);

/** The board a line names, when it is only that board's name. */
export function boardName(line: string): string | undefined {
  const text = unshoutLines(line.trim());
  return BOARD_LINE.test(text) ? text.replace(/^#+\s+/, "") : undefined;
}

/**
 * Text with its lines in capitals set in title case, so that a letterhead's "NORTHSHIRE
 * COUNTY COUNCIL" is found as "Northshire County Council". For finding names, not quoting.
 */
export function unshoutLines(text: string): string {
  return text.replace(/^[^\S\n]*(?:#+[^\S\n]+)?[A-Z][A-Z'’&,. -]*[A-Z][^\S\n]*$/gm, (line) => line.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/(['’])S\b/g, "$1s"));
}

/** The most often named value, ties going to the first seen; undefined for none. */
export function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}

/** The council a text names most often, as "Worcestershire County Council". */
export function mainCouncil(text: string): string | undefined {
  return mostFrequent(councilsIn(text).map((c) => c.name));
}

/** Capitalised words that open a name's slot without being a place: "the council's children's services in May 2019". */
const NOT_PLACES = new Set(["The", "This", "Local", "Our", "Their", "Its", "All", ...MONTH_NAMES]);

/**
 * "children in Worcestershire": the capitalised word, each time it follows, unless the text
 * also writes it in lower case, as a heading's "children in Care" is. Each word is looked up once.
 */
function placesAfterChildrenIn(text: string): string[] {
  const found = [...text.matchAll(/\bchildren(?:'s services)? in ([A-Z][a-z]+)\b/g)].map((m) => m[1]);
  const common = new Set([...new Set(found)].filter((p) => new RegExp(`\\b${p.toLowerCase()}\\b`).test(text)));
  return found.filter((p) => !common.has(p));
}

/** A place's emergency service or SEND partnership: "Ravensmoor Fire and Rescue Service", "Westmere Police", "Eastleigh Vale Local Area Partnership". */
const SERVICE = new RegExp(String.raw`\b(${PLACE}) (?:Fire and Rescue (?:Service|Authority)|Fire Authority|Police|Constabulary|Local Area Partnership)\b`, "g");

/** A council named by its place alone, in running text: "a statutory direction to Kestreldon Council". */
const PLACE_COUNCIL = new RegExp(String.raw`\b(${PLACE}) Council\b`, "g");

/** Words that stand before "Council" without naming a place: "Full Council", "the County Council", "Youth Council". */
const NOT_COUNCIL_PLACES = new Set(["County", "Borough", "District", "City", "Metropolitan", "Parish", "Town", "Community", "Unitary", "Full", "Youth", "Privy", "Research", "Arts", "Sports", "Security", "Advisory", "European", "National", "Regional", "Local", "Shadow", "Cabinet", "Executive", "Whole"]);

/** The places of councils a text names by place alone, when it also names the place otherwise ("Commissioner for Kestreldon", "Kestreldon's"). */
function placeCouncils(text: string): string[] {
  const found = [...text.matchAll(PLACE_COUNCIL)].map((m) => m[1]).filter((p) => !NOT_COUNCIL_PLACES.has(p) && !NOT_PLACES.has(p));
  const named = new Set([...new Set(found)].filter((p) => new RegExp(String.raw`\b(?:in|for|of|across|to|from) ${p}\b(?! Council)|\b${p}['’]s\b`).test(text)));
  return found.filter((p) => named.has(p));
}

/** A school's or provider's details table naming its council: "Local authority<tab>Copperfold". */
const LOCAL_AUTHORITY_ROW = new RegExp(String.raw`^local authority(?::?\t|\s*\|\s*|:\s+)(${PLACE})\s*\|?\s*$`, "gim");

/** The place a text is mostly about: the authority it names with its children's services, council or emergency service, or as a school's local authority. */
export function mainPlace(text: string): string | undefined {
  const places = [
    ...[...text.matchAll(LOCAL_AUTHORITY_ROW)].map((m) => m[1]),
    ...[...text.matchAll(/\b([A-Z][a-z]+(?:shire)?)(?:'s)? children's (?:services|social care)/g)].map((m) => m[1]),
    ...[...text.matchAll(SERVICE)].map((m) => m[1]),
    ...councilsIn(text).map((c) => c.place),
    ...placeCouncils(text),
    ...placesAfterChildrenIn(text),
  ].filter((p) => !NOT_PLACES.has(p));
  return mostFrequent(places);
}

/** A coroner, as a report to prevent future deaths names its author: "Assistant Coroner for Kestonbury and Lower Wend". */
const CORONER = /\b(?:(?:Senior|Assistant|Area|Deputy) )?Coroner for (?:the coroner area of )?[A-Z][\w'’-]*(?: (?:and|upon|on|of) [A-Z][\w'’-]*| [A-Z][\w'’-]*)*/;

/** The coroner who wrote a report, from the line that signs it or says who they are; undefined in any other document. */
export function coronerIn(text: string): string | undefined {
  if (!/prevent(?:ion of)? future deaths|regulation 28 report/i.test(text)) return undefined;
  const signed = text.split("\n").reverse().find((line) => CORONER.test(line));
  return signed ? CORONER.exec(signed)![0] : undefined;
}

/**
 * A letterhead's first line naming a body other than a council or inspectorate: "Office of the
 * Independent Advocate for Children in England", "Children's Commissioner for England".
 */
const BODY_LETTERHEAD = /^(?:The )?(?:Office of (?:the )?[A-Z].*|(?:[A-Z][\w'’-]* ){0,6}(?:Commissioner|Advocate|Ombudsman|Regulator|Agency|Authority)(?: (?:for|of) (?:[A-Z][\w'’-]* ?)+)?)$/;

/** The body a letter's first line names as its sender, if it is one. */
export function letterheadBody(line: string): string | undefined {
  const text = line.trim();
  return text.length <= 100 && BODY_LETTERHEAD.test(text) ? text : undefined;
}
