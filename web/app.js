import { postJson } from "./api.js";
import { el } from "./dom.js";
import { createFilters } from "./filters.js";
import { renderAnswer } from "./render-answer.js";
import { renderReferences, renderRelated } from "./render-references.js";

const $form = document.getElementById("ask-form");
const $question = document.getElementById("question");
const $ask = document.getElementById("ask");
const $error = document.getElementById("ask-error");
const $conversation = document.getElementById("conversation");
const $newConversation = document.getElementById("new-conversation");
const $filters = document.getElementById("filters");
const $status = document.getElementById("status");

const filters = createFilters({
  $documents: document.getElementById("document-choices"),
  $from: document.getElementById("from"),
  $to: document.getElementById("to"),
  $summary: document.getElementById("filters-summary"),
  $reset: document.getElementById("reset-filters"),
});

/** The server accepts 20 turns, each at most 20,000 characters, in a 64 KB body. */
const HISTORY = { turns: 20, turnChars: 20_000, totalChars: 40_000 };

/** Earlier questions and answers, sent so that "and in Gloucestershire?" can be read in context. */
let history = [];
let turnCount = 0;
/** The question waiting for its answer, if any; starting a new conversation abandons it. */
let asking;

function announce(message) {
  // Cleared first so that the same message twice is still spoken twice.
  $status.textContent = "";
  setTimeout(() => ($status.textContent = message), 50);
}

function showError(message) {
  $error.replaceChildren(el("p", "alert", message));
}

function clearError() {
  $error.replaceChildren();
}

/** The most recent turns that fit the server's limits. */
function recentHistory() {
  const kept = [];
  let chars = 0;
  for (let i = history.length - 1; i >= 0 && kept.length < HISTORY.turns; i--) {
    const turn = { role: history[i].role, content: history[i].content.slice(0, HISTORY.turnChars) };
    chars += turn.content.length;
    if (chars > HISTORY.totalChars) break;
    kept.unshift(turn);
  }
  return kept;
}

function setBusy(on) {
  $ask.disabled = on;
  $ask.textContent = on ? "Asking…" : "Ask";
  $conversation.setAttribute("aria-busy", String(on));
}

/**
 * A question in the conversation, with a placeholder where its answer will go.
 * `scope`, when filters narrowed the search, stays with the turn so a later reader knows.
 */
function renderTurn(question, id, scope) {
  const $turn = el("article", "turn");
  $turn.setAttribute("aria-labelledby", `question-${id}`);
  const $heading = el("h2", "question");
  $heading.id = `question-${id}`;
  $heading.append(el("span", "visually-hidden", "You asked: "), question);
  const $pending = el("p", "pending");
  $pending.append(el("span", "spinner"), "Searching the documents…");
  $pending.firstChild.setAttribute("aria-hidden", "true");
  $turn.append($heading);
  if (scope) $turn.append(el("p", "turn-scope", `Searched only: ${scope}`));
  $turn.append($pending);
  return { $turn, $pending };
}

/** The answer to one question: the quotes and their references, or the reason there is none. */
function renderAnswerSection(response, id) {
  const $answer = el("section", response.abstained ? "answer abstained" : "answer");
  $answer.setAttribute("aria-labelledby", `answer-${id}`);
  const $heading = el("h3", "answer-heading", response.abstained ? "No answer in the documents" : "Answer");
  $heading.id = `answer-${id}`;
  $heading.tabIndex = -1;
  $answer.append($heading);

  if (response.interpretedAs) {
    const $interpreted = el("p", "interpreted", "Answered as: ");
    $interpreted.append(el("q", "", response.interpretedAs));
    $answer.append($interpreted);
  }

  if (response.abstained) {
    $answer.append(el("p", "abstain-reason", response.reason ?? response.answer));
    if (response.related?.length) $answer.append(renderRelated(response.related, `related-${id}`));
    return $answer;
  }

  const $body = el("div", "answer-body");
  $body.append(renderAnswer(response.answer, response.citations));
  $answer.append($body, renderReferences(response.citations, announce, `references-${id}`));
  return $answer;
}

async function submit() {
  if (asking) return;
  const question = $question.value;
  if (question.trim() === "") {
    showError("Type a question first.");
    $question.focus();
    return;
  }
  const chosen = filters.read();
  if (!chosen.ok) {
    showError(chosen.message);
    $filters.open = true;
    return;
  }
  clearError();

  const id = ++turnCount;
  const { $turn, $pending } = renderTurn(question, id, chosen.scope);
  $conversation.append($turn);
  setBusy(true);
  announce("Searching the documents…");
  const body = { question };
  if (history.length > 0) body.history = recentHistory();
  if (chosen.filters) body.filters = chosen.filters;
  const request = new AbortController();
  asking = request;
  const result = await postJson("/api/ask", body, request.signal);
  // The conversation was cleared while waiting: the reply belongs to none the user can see.
  if (request.signal.aborted) return;
  asking = undefined;
  setBusy(false);

  if (!result.ok) {
    // A failed request is not part of the conversation: the question stays in the box to fix.
    $turn.remove();
    showError(result.message);
    $question.focus();
    return;
  }
  const $answer = renderAnswerSection(result.value, id);
  $pending.replaceWith($answer);
  history.push({ role: "user", content: question }, { role: "assistant", content: result.value.answer });
  $question.value = "";
  $newConversation.hidden = false;
  $answer.querySelector(".answer-heading").focus({ preventScroll: true });
  const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  $turn.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
}

$form.addEventListener("submit", (event) => {
  event.preventDefault();
  submit();
});

$question.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    $form.requestSubmit();
  }
});

$newConversation.addEventListener("click", () => {
  asking?.abort();
  asking = undefined;
  setBusy(false);
  history = [];
  $conversation.replaceChildren();
  $newConversation.hidden = true;
  clearError();
  announce("Started a new conversation.");
  $question.focus();
});

filters.load();
