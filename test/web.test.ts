import { serve, type ServerType } from "@hono/node-server";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../server/app.js";
import { seedEngine } from "./helpers/engine.js";
import type { Engine } from "../server/answer/ask.js";
import { EXAMPLE_QUESTION, type AskResponse, type Citation } from "../server/http/schemas.js";


let engine: Engine | undefined;
const WEB_DIR = fileURLToPath(new URL("../web", import.meta.url));
const SHOTS = fileURLToPath(new URL("../.tmp/", import.meta.url));
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const MISSING = "What did inspectors say about children who go missing from home or care?";
const HEREFORDSHIRE = "What did Ofsted find when it inspected Herefordshire's children's services?";


let server: ServerType;
let base: string;
let browser: Browser;
let context: BrowserContext;

/** Asks the API directly, as the page would, to know what the page must show. */
async function askApi(body: object): Promise<AskResponse> {
  const response = await fetch(`${base}/api/ask`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as AskResponse;
}

/** What the Copy button gives for a citation with a section and a paragraph, its date as the page writes it. */
function copiedReference(citation: Citation, date: string): string {
  const { text, documentTitle, publisher, section, paragraph, url } = citation;
  return `“${text}” — ${documentTitle}, ${publisher}, ${date}, ${section.join(" > ")}, para ${paragraph}. ${base}${url}`;
}

async function openChat(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/`);
  return page;
}

/** Types a question, clicks Ask and waits for the answer (or abstention) to arrive. */
async function askInPage(page: Page, question: string) {
  const before = await page.locator(".turn .answer").count();
  await page.getByLabel("Your question").fill(question);
  await page.getByRole("button", { name: "Ask", exact: true }).click();
  await page.locator(".turn .answer").nth(before).waitFor();
  return page.locator(".turn").last();
}

beforeAll(async () => {
  engine = await seedEngine();
  const app = createApp(engine, { webDir: WEB_DIR });
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
  await mkdir(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await engine?.embedder.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe("chat page", () => {
  it("shows an answer with one reference per citation, each quote exact, and focuses the answer", async () => {
    const api = await askApi({ question: MISSING });
    expect(api.abstained).toBe(false);
    const page = await openChat();
    const turn = await askInPage(page, MISSING);

    await expect.poll(() => turn.locator(".answer-body").textContent()).toContain("Found in");
    const references = turn.locator(".reference-list > li");
    expect(await references.count()).toBe(api.citations.length);
    // Each reference reads as the answer and the Copy text do; the source view shows the raw quote.
    expect(await references.locator("blockquote").allTextContents()).toEqual(api.citations.map((c) => c.text));

    const markers = turn.locator(".answer-body a.cite-marker");
    expect(await markers.count()).toBe(api.citations.length);
    expect(await markers.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(api.citations.map((c) => c.url));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Answer");
    expect(await page.getByLabel("Your question").inputValue()).toBe("");
    expect(await turn.locator(".turn-scope").count()).toBe(0);

    await references.first().getByRole("button", { name: "Copy reference 1" }).click();
    expect(api.citations[0].section.length).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(copiedReference(api.citations[0], "24 January 2017"));

    await page.screenshot({ path: join(SHOTS, "chat.png"), fullPage: true });
    await page.close();
  });

  it("shows a reference without the document's markup, as the answer reads it", async () => {
    const question = "What must members declare about land?";
    const api = await askApi({ question });
    const land = api.citations.find((c) => c.quote === "Interests in **land** in Worcestershire (including licence to occupy for a month or longer)");
    expect(land?.text).toBe("Interests in land in Worcestershire (including licence to occupy for a month or longer)");
    const page = await openChat();
    const turn = await askInPage(page, question);
    const quotes = turn.locator(".reference-list blockquote");
    expect(await quotes.nth(land!.n - 1).textContent()).toBe(land!.text);
    expect(await quotes.allTextContents()).toEqual(api.citations.map((c) => c.text));
    await page.close();
  });

  it("copies without the Clipboard API and gives focus back to the Copy button", async () => {
    const api = await askApi({ question: MISSING });
    const page = await context.newPage();
    // As over plain http, where the browser offers no navigator.clipboard.
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined }));
    await page.goto(`${base}/`);
    const turn = await askInPage(page, MISSING);
    const copy = turn.getByRole("button", { name: "Copy reference 1", exact: true });
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe("Copied");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Copy reference 1");
    // Another page, with the Clipboard API, reads what the fallback copied.
    const reader = await openChat();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(copiedReference(api.citations[0], "24 January 2017"));
    await reader.close();
    await page.close();
  });

  it("opens the source view from [1] with exactly the quote highlighted and focused", async () => {
    const api = await askApi({ question: MISSING });
    const page = await openChat();
    const turn = await askInPage(page, MISSING);
    const [source] = await Promise.all([context.waitForEvent("page"), turn.locator("a.cite-marker").first().click()]);
    const mark = source.locator("mark#cited");
    await mark.waitFor();
    expect(await mark.textContent()).toBe(api.citations[0].quote);
    expect(await source.evaluate(() => document.activeElement?.id)).toBe("cited");
    await expect.poll(() => mark.isVisible()).toBe(true);
    expect(await source.locator("h1").textContent()).toBe(api.citations[0].documentTitle);
    await source.screenshot({ path: join(SHOTS, "source.png") });

    // Every citation's link highlights exactly its quote, including those inside an agenda pack.
    for (const citation of api.citations) {
      await source.goto(`${base}${citation.url}`);
      await mark.waitFor();
      expect(await mark.textContent()).toBe(citation.quote);
      if (citation.within) expect(await source.locator("#cited-note").textContent()).toContain(`It is in ${citation.within.label} of this pack`);
    }
    await page.close();
    await source.close();
  });

  it("loads the chat page and a source view with no console error, the icon included", async () => {
    const errors: string[] = [];
    const watch = (page: Page) => page.on("console", (m) => m.type() === "error" && errors.push(`${page.url()}: ${m.text()}`));
    const page = await context.newPage();
    watch(page);
    await page.goto(`${base}/`);
    // The page's example is the one error messages give: about any council's papers, not these seeds.
    expect(await page.locator("#question-hint").textContent()).toBe(`For example: “${EXAMPLE_QUESTION}” Press Enter to ask; Shift+Enter starts a new line.`);
    const turn = await askInPage(page, MISSING);
    const [source] = await Promise.all([context.waitForEvent("page"), turn.locator("a.cite-marker").first().click()]);
    watch(source);
    await source.locator("mark#cited").waitFor();
    await source.reload();
    await source.locator("mark#cited").waitFor();
    expect(errors).toEqual([]);
    expect(await (await fetch(`${base}/favicon.svg`)).text()).toMatch(/^<svg /);
    await page.close();
    await source.close();
  });

  it("says plainly when no document covers the question, with no reference list", async () => {
    const page = await openChat();
    const turn = await askInPage(page, HEREFORDSHIRE);
    expect(await turn.locator(".abstain-reason").textContent()).toBe("No document mentions Herefordshire.");
    expect(await page.locator(".reference-list, .references").count()).toBe(0);
    await page.close();
  });

  it("wraps a long unbroken word on a narrow screen instead of widening the page", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${base}/`);
    await askInPage(page, MISSING);
    const long = "Supercalifragilisticexpialidociousshireandmanymorelettersthatgoonandonforever";
    const turn = await askInPage(page, `and in ${long}?`);
    expect(await turn.locator(".interpreted").textContent()).toBe(`Answered as: What did inspectors say about children who go missing from home or care — in ${long}?`);
    expect(await turn.locator(".abstain-reason").textContent()).toBe(`No document mentions ${long}.`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(clientWidth).toBe(375);
    expect(scrollWidth).toBe(clientWidth);
    await page.close();
  });

  it("tells nearby passages apart by their own words, apart from any answer", async () => {
    const question = "What percentage of Gloucestershire's care leavers are not in education, employment or training?";
    const api = await askApi({ question });
    const related = api.related ?? [];
    // The three passages come from one document, so its title alone cannot tell them apart.
    expect(related.map((r) => r.documentTitle)).toEqual(Array(3).fill("Monitoring visit of Gloucestershire children's services"));
    const page = await openChat();
    const turn = await askInPage(page, question);
    const links = turn.locator(".related-list a");
    expect(await links.allTextContents()).toEqual(related.map((r) => r.text));
    expect(new Set(await links.allTextContents()).size).toBe(3);
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(related.map((r) => r.url));
    expect(await turn.locator(".related-where").allTextContents()).toEqual(
      related.map((r) => `Monitoring visit of Gloucestershire children's services · 8 June 2018 · ${r.section.join(" › ")}`),
    );
    expect(await turn.locator(".related h4").textContent()).toBe("Nearby passages (not an answer)");
    expect(await turn.locator(".answer-body, .references").count()).toBe(0);
    await page.close();
  });

  it("shows markup in a question as text and never runs it", async () => {
    const page = await openChat();
    const question = "What did inspectors say <img src=x onerror=window.__xss=1> about missing children?";
    const turn = await askInPage(page, question);
    expect(await turn.locator("h2.question").textContent()).toBe(`You asked: ${question}`);
    // Markup in an answer's Markdown is sanitised too.
    // A string, not a function: vitest would rewrite a function's import() for Node.
    await page.evaluate(`import("/render-answer.js").then(({ renderAnswer }) => {
      document.getElementById("conversation").append(renderAnswer('<img src=x onerror="window.__xss=2"> [1]', []));
    })`);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("#conversation img").count()).toBe(0);
    await page.close();
  });

  it("shows the server's message in an alert when the API refuses the question", async () => {
    const page = await openChat();
    const input = page.getByLabel("Your question");
    await input.fill("A first line");
    await input.press("Shift+Enter");
    expect(await input.inputValue()).toBe("A first line\n");
    expect(await page.locator(".turn").count()).toBe(0);

    const tooLong = "a".repeat(2001);
    await page.getByLabel("Your question").fill(tooLong);
    await page.getByLabel("Your question").press("Enter");
    const alert = page.getByRole("alert");
    await expect.poll(() => alert.textContent()).toBe("question is 2,001 characters long; the limit is 2,000. Shorten it.");
    expect(await page.locator(".turn").count()).toBe(0);
    expect(await page.getByLabel("Your question").inputValue()).toBe(tooLong);
    await page.close();
  });

  it("sends the conversation so a follow-up is answered in context", async () => {
    const page = await openChat();
    await askInPage(page, MISSING);
    const turn = await askInPage(page, "and in Gloucestershire?");
    const api = await askApi({ question: "and in Gloucestershire?", history: [{ role: "user", content: MISSING }] });
    expect(api.interpretedAs).toBeTruthy();
    expect(await turn.locator(".interpreted").textContent()).toBe(`Answered as: ${api.interpretedAs}`);
    await page.close();
  });

  it("drops a reply that arrives after a new conversation was started", async () => {
    const page = await openChat();
    await askInPage(page, MISSING);
    // The next request waits until the conversation has been cleared.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const sent: unknown[] = [];
    await page.route("**/api/ask", async (route) => {
      sent.push(route.request().postDataJSON());
      if (sent.length === 1) await held;
      // The page may have abandoned the request by now.
      await route.continue().catch(() => {});
    });
    const discarded = "and in Gloucestershire?";
    await page.getByLabel("Your question").fill(discarded);
    await page.getByRole("button", { name: "Ask", exact: true }).click();
    await page.locator(".turn .pending").waitFor();
    await page.getByRole("button", { name: "Start a new conversation" }).click();
    release();
    // Ask is free again only once the page is done with the discarded question.
    await page.waitForFunction(() => !(document.getElementById("ask") as HTMLButtonElement).disabled);
    expect(await page.locator(".turn").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Start a new conversation" }).isHidden()).toBe(true);
    expect(await page.getByLabel("Your question").inputValue()).toBe(discarded);

    const next = "What did inspectors say about caseloads?";
    await askInPage(page, next);
    expect(sent[1]).toEqual({ question: next });
    expect(await page.locator(".turn").count()).toBe(1);
    await page.close();
  });

  it("stops waiting for a server that never replies, keeping the question to ask again", async () => {
    const page = await context.newPage();
    // The page's clock is faked so that its minute of waiting passes at once.
    await page.clock.install();
    let requests = 0;
    await page.route("**/api/ask", (route) => (++requests === 1 ? undefined : route.continue()));
    await page.goto(`${base}/`);
    await page.locator("#document-choices input").first().waitFor({ state: "attached" });
    await page.getByLabel("Your question").fill(MISSING);
    await page.getByRole("button", { name: "Ask", exact: true }).click();
    await page.locator(".turn .pending").waitFor();
    await page.clock.fastForward(60_000);
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("The server did not reply within a minute. Ask again; if it keeps happening, the server may be down or overloaded.");
    expect(await page.locator(".turn").count()).toBe(0);
    expect(await page.getByLabel("Your question").inputValue()).toBe(MISSING);

    await page.getByRole("button", { name: "Ask", exact: true }).click();
    await page.locator(".turn .answer").waitFor();
    expect(await page.getByRole("alert").textContent()).toBe("");
    await page.close();
  });

  it("limits the search to the documents ticked in the filters", async () => {
    const page = await openChat();
    await page.locator("#filters > summary").click();
    const gloucestershire = "2018-06-08-ofsted-gloucestershire-monitoring-visit-3";
    for (const box of await page.locator("#document-choices input[type=checkbox]").all()) {
      if ((await box.getAttribute("value")) !== gloucestershire) await box.uncheck();
    }
    expect(await page.locator("#filters-summary").textContent()).toBe("Searching 1 of 5 documents, any date");
    const turn = await askInPage(page, MISSING);
    const hrefs = await turn.locator(".open-source").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) expect(href).toContain(`/source/${gloucestershire}?`);

    // Each turn says what its search was limited to, as the filters stood when it was asked.
    await page.getByLabel("From", { exact: true }).fill("2017-01-01");
    await page.getByLabel("To", { exact: true }).fill("2018-12-31");
    await askInPage(page, MISSING);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.getByLabel("To", { exact: true }).fill("2018-12-31");
    await askInPage(page, MISSING);
    expect(await page.locator(".turn .turn-scope").allTextContents()).toEqual([
      "Searched only: “Monitoring visit of Gloucestershire children's services”",
      "Searched only: “Monitoring visit of Gloucestershire children's services”; dates from 1 January 2017 to 31 December 2018",
      "Searched only: dates up to 31 December 2018",
    ]);
    await page.close();
  });

  it("catches a From date after the To date before asking, keeping the question", async () => {
    const page = await openChat();
    const asked: string[] = [];
    page.on("request", (request) => request.url().endsWith("/api/ask") && asked.push(request.url()));
    await page.locator("#filters > summary").click();
    await page.getByLabel("From", { exact: true }).fill("2018-12-31");
    await page.getByLabel("To", { exact: true }).fill("2017-01-01");
    await page.getByLabel("Your question").fill(MISSING);
    await page.getByRole("button", { name: "Ask", exact: true }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("The From date (31 December 2018) is after the To date (1 January 2017). Swap them, or widen the range.");
    expect(asked).toEqual([]);
    expect(await page.locator(".turn").count()).toBe(0);
    expect(await page.getByLabel("Your question").inputValue()).toBe(MISSING);
    await page.close();
  });

  it("says what is wrong with a source link's range instead of highlighting it", async () => {
    const id = "2018-06-08-ofsted-gloucestershire-monitoring-visit-3";
    const { text } = (await (await fetch(`${base}/api/documents/${id}`)).json()) as { text: string };
    const page = await context.newPage();
    const note = page.locator("#cited-note");
    const cases = [
      ["start=500&end=100", "The link’s start (500) is after its end (100), so nothing is highlighted."],
      ["start=100", "The link gives a start but no end, so nothing is highlighted."],
      ["end=100", "The link gives an end but no start, so nothing is highlighted."],
      ["start=100&end=1e3", "The link’s end (“1e3”) is not a whole number, so nothing is highlighted."],
      ["start=100&end=100", "The link’s range is empty: it starts and ends at character 100, so nothing is highlighted."],
      ["start=100&end=9999999", `The link asks for characters 100–9,999,999, but this document has ${text.length.toLocaleString("en-GB")}, so nothing is highlighted.`],
    ];
    for (const [query, message] of cases) {
      await page.goto(`${base}/source/${id}?${query}`);
      await expect.poll(() => note.textContent()).toBe(message);
      expect(await page.locator("mark").count()).toBe(0);
    }
    await page.close();
  });

  it("says so when the source view is asked for an unknown document", async () => {
    const page = await context.newPage();
    await page.goto(`${base}/source/no-such-document?start=0&end=5#cited`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Document not found");
    await page.close();
  });

  it("answers a mistyped page address with a page that leads back, while the API still answers in JSON", async () => {
    const page = await context.newPage();
    for (const path of ["/nope", "/source/", "/source/a/b"]) {
      const response = await page.goto(`${base}${path}`);
      expect(response!.status()).toBe(404);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
      expect(await page.getByRole("link", { name: "Ask a question of the documents" }).getAttribute("href")).toBe("/");
    }
    const api = await fetch(`${base}/api/nope`, { headers: { accept: "text/html" } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: { code: "not_found", message: "There is no GET /api/nope. GET /api/openapi.json describes the API." } });
    await page.close();
  });
});
