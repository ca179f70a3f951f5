// Finds an article through the search page in headless Chromium, as a
// reader would: from the header's search box, then by typing, then by
// following the result. Run by tests/browser.rs with the site's base
// address (file:///…/public/ or http://127.0.0.1:PORT/), a query, and the
// path of the page the first results must include. Prints one JSON line.
"use strict";
const { launch, run } = require("./chromium");

const [base, query, expected] = process.argv.slice(2);

async function main() {
  const browser = await launch();
  const report = { errors: [], outside: [] };
  try {
    const page = await browser.newPage();
    page.on("pageerror", (e) => report.errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") report.errors.push(m.text()); });
    // No request may leave the site.
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      report.outside.push(url);
      return route.abort();
    });

    // From the home page's search box to the search page.
    await page.goto(base + "index.html");
    await page.fill("#site-search", query);
    await Promise.all([page.waitForURL(/search\/index\.html\?q=/), page.press("#site-search", "Enter")]);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0);
    report.fromHeader = await page.$$eval("#search-results li > a", (as) => as.map((a) => a.getAttribute("href")));
    report.status = await page.textContent("#search-status");
    report.snippet = await page.$$eval("#search-results li .snippet mark", (ms) => ms.map((m) => m.textContent));

    // Typing a new query updates the results and the address.
    await page.fill("#search-query", "");
    await page.type("#search-query", "zzzzqx");
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 0 &&
      document.getElementById("search-status").textContent !== "");
    report.nothing = await page.textContent("#search-status");
    // A query of one-letter words is nothing to search, and says so.
    await page.fill("#search-query", "U");
    await page.waitForFunction((before) => document.getElementById("search-status").textContent !== before,
      report.nothing);
    report.oneLetter = await page.textContent("#search-status");
    await page.fill("#search-query", query);
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length > 0);
    report.address = page.url().replace(base, "");

    // Following the result opens the article.
    const link = page.locator(`#search-results li > a[href$="${expected}"]`).first();
    await Promise.all([page.waitForLoadState("load"), link.click()]);
    await page.waitForURL((u) => u.href.endsWith(expected));
    report.opened = page.url().replace(base, "");
    report.title = (await page.textContent("h1")).trim();
  } finally {
    await browser.close();
  }
  return report;
}

run(main);
