import { words } from "../../indexer/contract/normalise.js";

/**
 * Words that shape a question without naming its subject ("what did the documents say
 * about…"): they are dropped from search terms so that the subject decides the ranking.
 */
export const QUESTION_WORDS = new Set(
  ("what which who whose whom when where why how many much did does do say said says tell told mention mentions " +
    "mentioned describe described find found about according document documents report reports letter letters paper papers " +
    "give show know please there any anything everything happen happened happening ever get got think thought " +
    "like look looked see saw seen " +
    // How a question frames its subject, not the subject: "did each inspection find…", "compared
    // with 2016", "properly protected". In a small corpus such words are rare, so they would weigh
    // more than the subject itself.
    "each every both either neither compare compared comparing comparison versus vs differ different difference " +
    "differences similar same actually properly really ok okay even though although " +
    // What a contraction leaves once its apostrophe goes: "didn't" is "didn t".
    "didn doesn isn aren wasn weren hasn haven couldn wouldn shouldn t " +
    // When the period a question asks about runs ("since 2016"): a date, not a subject.
    "since until").split(" "),
);

/** Words of thanks, greeting and assent: a message made only of these ("thanks!", "ok, great") is a reply, not a question. */
const PLEASANTRIES = new Set(
  ("thanks thank thankyou ta cheers you very much so lot ok okay k great good cool nice brilliant perfect excellent lovely " +
    "fine sure yes yep yeah no nope right alright got it hi hello hey bye goodbye morning afternoon evening").split(" "),
);

/** True when a message is only thanks, greeting or assent: "thanks!", "ok", "great, thank you". */
export function isPleasantry(message: string): boolean {
  const said = words(message);
  return said.length > 0 && said.every((w) => PLEASANTRIES.has(w));
}

/** Capitalised words that are English, not names, when they open or sit in a question. */
export const NOT_NAMES = new Set(
  ("what which who whose whom when where why how is are was were did does do can could should would will has have had " +
    "the a an in on at of for and or but if then tell give show list summarise summarize compare describe explain " +
    "i we you they it this that these those my our your their any all some there find according please").split(" "),
);
