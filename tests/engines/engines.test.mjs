// Runs every flow of flows.mjs in every engine of engines.mjs: one browser per
// engine, and for each flow a fresh page (its own storage) on a fresh server
// (its own origin), so flows never see each other's data.
// ENGINES=firefox,webkit limits the engines; --test-name-pattern picks flows.
// A failing flow leaves a screenshot of its page in target/engines/.
import { describe, test, before, after } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serveDist } from '../e2e/harness.mjs';
import { ENGINES } from './engines.mjs';
import { FLOWS } from './flows.mjs';

const only = process.env.ENGINES?.split(',').filter(Boolean);
for (const name of only ?? []) {
  if (!ENGINES.some((e) => e.name === name)) throw new Error(`ENGINES: no engine named ${name}`);
}

for (const engine of ENGINES.filter((e) => !only || only.includes(e.name))) {
  describe(engine.name, { timeout: 900_000 }, () => {
    let browser;
    before(async () => {
      const started = Date.now();
      browser = await engine.launch();
      console.log(`${engine.name}: ${browser.version}, started in ${Date.now() - started} ms`);
    });
    // Bounded: a browser or driver that does not stop must not hold up the run.
    after(() => browser?.close(), { timeout: 60_000 });

    for (const flow of FLOWS) {
      const missing = flow.needs.filter((f) => !engine.features[f]);
      const skip = missing.length ? `${engine.name} lacks ${missing.join(', ')}` : false;
      // A flow is run once more only when the driver stopped answering (never on a
      // failed assertion or a page error), and the retry is reported.
      test(flow.name, { skip, timeout: 200_000 }, async () => {
        try {
          await runFlow(browser, engine, flow);
        } catch (e) {
          if (!e.driverStalled) throw e;
          console.log(`${engine.name}: the driver stopped answering in "${flow.name}"; running it once more`);
          await runFlow(browser, engine, flow);
        }
      });
    }
  });
}

/** One flow on a fresh page served by a fresh server (its own origin and storage). */
async function runFlow(browser, engine, flow) {
  const server = await serveDist();
  const d = await browser.newDriver();
  try {
    await flow.run(d, {
      url: server.url,
      requests: () => server.requests.slice(),
      offline: () => server.setOffline(true),
    });
  } catch (e) {
    await saveScreenshot(d, `${engine.name}-${FLOWS.indexOf(flow) + 1}.png`);
    throw e;
  } finally {
    await d.close().catch(() => {});
    server.setOffline(true);
    await server.close();
  }
}

async function saveScreenshot(d, name) {
  try {
    const dir = join(ROOT, 'target/engines');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, name), await d.screenshot());
    console.log(`screenshot: target/engines/${name}`);
  } catch (e) {
    console.log(`no screenshot (${e.message})`);
  }
}
