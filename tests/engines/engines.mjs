// The engines the flows run in, and what each supports. A flow's `needs` names
// features from here; an engine without one skips that flow and says why.
import { launchPuppeteer } from './puppeteer.mjs';
import { launchWebKit } from './webkit.mjs';

export const ENGINES = [
  {
    name: 'chromium',
    // The same engine as tests/e2e/, here through puppeteer-core: it proves the flows themselves.
    launch: () => launchPuppeteer('chrome', process.env.CHROMIUM ?? '/usr/bin/chromium'),
    features: { serviceWorker: true },
  },
  {
    name: 'firefox',
    launch: () => launchPuppeteer('firefox', process.env.FIREFOX ?? '/usr/bin/firefox-esr'),
    // 127.0.0.1 is a secure context, so service workers run over plain http.
    features: { serviceWorker: true },
  },
  {
    name: 'webkit',
    launch: () => launchWebKit(process.env.WEBKIT_WEBDRIVER ?? 'WebKitWebDriver'),
    features: { serviceWorker: true },
  },
];
