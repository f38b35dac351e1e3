// Takes the README's screenshots of the dashboard (Japanese and English) from the
// release build: `make dist && node scripts/screenshots.mjs`.
import { serveDist, launchBrowser } from '../tests/e2e/harness.mjs';

const server = await serveDist();
const browser = await launchBrowser();
try {
  for (const [lang, locale] of [['ja', 'ja-JP'], ['en', 'en-GB']]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 980 }, locale, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('radar-categories').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `docs/screenshot-dashboard-${lang}.png` });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
