// A reader's tour of the site in headless Chromium: home -> an article ->
// an entity it names -> a quoted passage's anchor in the article -> back to
// the entity; then screenshots of home, article and entity at 390 px and
// 1280 px, light and dark. Run by tests/browser.rs with the site's base
// address (file:///…/ or http://127.0.0.1:PORT/), the article's path, the
// entity's path, and the folder for screenshots. Prints one JSON line.
"use strict";
const path = require("path");
const { launch, run } = require("./chromium");

const [base, article, entity, shots] = process.argv.slice(2);
const WAIT = { timeout: 15000 };

async function main() {
  const browser = await launch();
  const report = { steps: [], errors: [], outside: [], overflow: [] };
  const here = (page) => page.url().replace(base, "").replace(/\?.*$/, "");
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("pageerror", (e) => report.errors.push(String(e)));
    page.on("console", (m) => { if (m.type() === "error") report.errors.push(m.text()); });
    page.on("request", (r) => { if (!r.url().startsWith(base)) report.outside.push(r.url()); });

    await page.goto(base + "index.html");
    report.steps.push(here(page));
    // The first Tab shows the skip link, with a visible focus ring.
    await page.keyboard.press("Tab");
    report.skip = await page.evaluate(() => {
      const element = document.activeElement;
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return {
        href: element.getAttribute("href"),
        onScreen: box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth,
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        target: document.querySelector(element.getAttribute("href")) !== null,
      };
    });
    await Promise.all([page.waitForURL((u) => u.href.endsWith(article), WAIT),
      page.click(`main a[href$="${article}"]`)]);
    report.steps.push(here(page));
    await Promise.all([page.waitForURL((u) => u.href.endsWith(entity), WAIT),
      page.click(`.body a.mention[href$="${entity}"]`)]);
    report.steps.push(here(page));
    const passage = page.locator(".passages a").first();
    const anchor = (await passage.getAttribute("href")).split("#")[1];
    await Promise.all([page.waitForURL((u) => u.hash === "#" + anchor, WAIT), passage.click()]);
    report.steps.push(here(page));
    report.anchor = await page.evaluate((id) => {
      const target = document.getElementById(id);
      const box = target.getBoundingClientRect();
      return {
        targeted: target.matches(":target"),
        inView: box.top >= 0 && box.bottom <= window.innerHeight,
        text: target.textContent,
      };
    }, anchor);
    await page.goBack();
    await page.waitForURL((u) => u.href.endsWith(entity), WAIT);
    report.steps.push(here(page));

    // Printed: no navigation, the address of each outside link written out.
    await page.emulateMedia({ media: "print" });
    report.print = await page.evaluate(() => {
      const shown = (css) => {
        const element = document.querySelector(css);
        return element !== null && getComputedStyle(element).display !== "none";
      };
      const outside = document.querySelector(".entity section a[href^='http']");
      return {
        nav: shown(".site-header nav"),
        search: shown(".site-search"),
        footer: shown(".site-footer"),
        title: shown("h1"),
        linkTarget: outside ? getComputedStyle(outside, "::after").content : null,
        href: outside ? outside.getAttribute("href") : null,
      };
    });
    await page.emulateMedia({ media: "screen" });

    // Screenshots, and no page wider than the screen.
    const pages = { home: "index.html", article, entity };
    const narrowest = await browser.newPage({ viewport: { width: 360, height: 800 } });
    for (const where of Object.values(pages)) {
      await narrowest.goto(base + where);
      const wide = await narrowest.evaluate(() => document.documentElement.scrollWidth);
      if (wide > 360) report.overflow.push(`${where} 360px: ${wide}px wide`);
    }
    await narrowest.close();
    for (const scheme of ["light", "dark"]) {
      for (const width of [390, 1280]) {
        const shot = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
        for (const [name, where] of Object.entries(pages)) {
          await shot.goto(base + where);
          const wide = await shot.evaluate(() => document.documentElement.scrollWidth);
          if (wide > width) report.overflow.push(`${name} ${width}px: ${wide}px wide`);
          const suffix = scheme === "dark" ? "-dark" : "";
          await shot.screenshot({ path: path.join(shots, `${name}-${width}${suffix}.png`) });
          if (name === "article") {
            // The text with its notes, from the first annotated passage.
            await shot.evaluate(() => {
              const quote = document.querySelector("mark.quote");
              if (quote) window.scrollTo(0, quote.getBoundingClientRect().top + window.scrollY - 120);
            });
            await shot.screenshot({ path: path.join(shots, `article-notes-${width}${suffix}.png`) });
          }
        }
        await shot.close();
      }
    }
  } finally {
    await browser.close();
  }
  return report;
}

run(main);
