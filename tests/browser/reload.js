// The preview as a writer uses it: an open article in `dossier serve`
// reloads by itself after a save and keeps its place; a save that breaks
// the front matter shows the error in the page; the fix brings the article
// back. Run by tests/browser.rs with the server's address, the article's
// path on the site, its Markdown file and a folder for screenshots.
// Prints one JSON line.
"use strict";
const fs = require("fs");
const path = require("path");
const { launch, run } = require("./chromium");

const [base, page_path, file, shots] = process.argv.slice(2);
const WAIT = { timeout: 15000 };

async function main() {
  const original = fs.readFileSync(file, "utf8");
  const browser = await launch();
  const report = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(base + page_path);
    await page.evaluate(() => window.scrollTo(0, 900));
    await page.waitForFunction(() => window.scrollY === 900);
    report.scrolled = await page.evaluate(() => window.scrollY);

    // An edit of the body appears without touching the page.
    const marker = "Marqueur-" + Date.now();
    const started = Date.now();
    fs.writeFileSync(file, original + "\n" + marker + "\n");
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, WAIT);
    report.editShownMs = Date.now() - started;
    await page.waitForFunction((y) => window.scrollY === y, report.scrolled, WAIT);
    report.afterEdit = await page.evaluate(() => window.scrollY);

    // A broken front matter: the page says where.
    const broken = original.replace(/^title: .*$/m, "title: [unclosed");
    fs.writeFileSync(file, broken);
    await page.waitForSelector("pre.diagnostic", WAIT);
    report.errorTitle = (await page.textContent("h1")).trim();
    report.errors = await page.$$eval("pre.diagnostic", (ps) => ps.map((p) => p.textContent));
    fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: path.join(shots, "serve-error.png"), fullPage: true });

    // The fix brings the article back, where the reader was.
    fs.writeFileSync(file, original);
    await page.waitForSelector("article h1", WAIT);
    await page.waitForFunction((y) => window.scrollY === y, report.scrolled, WAIT).catch(() => {});
    report.afterFix = await page.evaluate(() => window.scrollY);
    report.markerGone = !(await page.evaluate((m) => document.body.innerText.includes(m), marker));
    report.title = (await page.textContent("article h1")).trim();
  } finally {
    fs.writeFileSync(file, original);
    await browser.close();
  }
  return report;
}

run(main);
