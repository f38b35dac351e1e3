// Every view survives its assessment vanishing: deleted in another tab (and undone
// there), the tab showing it says so and stays usable; nothing crashes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, newPage, openSample, storageSettled, navViews, openView } from './harness.mjs';

const ctx = useApp();

test('deleting the assessment in another tab never crashes a view showing it, and an undo there brings it back here', async () => {
  const { context, page: a, problems } = await newPage(ctx.browser);
  await openSample(a, ctx.server.url);
  const views = await navViews(a);
  assert.ok(views.length >= 10, `views from the nav: ${views}`);
  const b = await context.newPage();
  const bProblems = [];
  b.on('pageerror', (e) => bProblems.push(`pageerror: ${e.message}`));
  b.on('console', (m) => m.type() === 'error' && bProblems.push(`console: ${m.text()}`));
  a.on('dialog', (d) => d.accept());
  for (const view of views.filter((v) => v !== 'home')) {
    await b.goto(ctx.server.url);
    await openView(b, view);
    await a.getByTestId('nav-home').click();
    await a.getByTestId('delete-assessment').click();
    await storageSettled(a);
    // The other tab says so, and still works: it can go home and open a view again.
    await b
      .locator('[role="alert"]', { hasText: /deleted/i })
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => assert.fail(`${view}: the other tab does not say it was deleted; ${bProblems.join('; ')}`));
    assert.equal(await b.getByTestId('crash-notice').count(), 0, `${view}: no crash notice`);
    await b.getByTestId('nav-home').click();
    await b.getByTestId('assessment-item').first().waitFor({ state: 'detached' }).catch(() => {});
    // Undone in the first tab: the second lists it again and stops saying it was deleted.
    await a.getByTestId('undo').click();
    await a.getByTestId('delete-assessment').waitFor();
    await storageSettled(a);
    await b.getByTestId('assessment-item').first().waitFor({ timeout: 10_000 });
    await b
      .locator('[role="alert"]', { hasText: /deleted/i })
      .first()
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => assert.fail(`${view}: the tab still says the assessment was deleted after it came back`));
    assert.deepEqual(bProblems, [], `${view}: no errors in the other tab`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
