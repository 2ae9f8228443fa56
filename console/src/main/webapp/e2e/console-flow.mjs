// The console's main flow in Debian's Chromium, driven by playwright-core against a running bundle:
// create a knowledge base and an assistant, upload a document until it is indexed, ask a question and
// see tokens before the answer completes, open a citation, find the session again, read a stored
// summary's charts (of SCOPE), use it on a phone-sized screen and by keyboard, delete the document and
// see it gone from the answer to the same question, delete the knowledge base.
// Every page is checked for controls without an accessible name. Screenshots of each page go to
// SCREENSHOTS. Exits non-zero with the failing step on stderr.
//
// With REPOSITORY (a repository the bundle may read), it also converts it and downloads the pattern.
//
// RAGFN_URL=http://127.0.0.1:8080 TENANT=t1 DOCUMENT=/path/vacation.md SCOPE=prod/llama SCREENSHOTS=target/console \
//   node e2e/console-flow.mjs
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fail, openChromium, required } from './browser.mjs';
import { assertLabelled, assertNavigationClosed, assertNoSideways } from './checks.mjs';

const base = required('RAGFN_URL');
const tenant = required('TENANT');
const documentPath = required('DOCUMENT');
const question = process.env.QUESTION ?? 'How many vacation days do employees get?';
const expectedPassage = process.env.EXPECTED_PASSAGE ?? '25 days';
const shots = required('SCREENSHOTS');
const repository = process.env.REPOSITORY;
const scope = required('SCOPE');
const documentId = basename(documentPath);
mkdirSync(shots, { recursive: true });
rmSync(join(shots, 'failure.png'), { force: true });

const { page, close } = await openChromium();
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => {
  if (!r.url().startsWith(base)) {
    problems.push(`request outside the bundle: ${r.url()}`);
  }
});

let step = 'start';
try {
  step = 'open the console and pick the tenant';
  await page.goto(`${base}/console/#/knowledge-bases`);
  await page.getByLabel('Tenant').fill(tenant);
  await page.getByRole('heading', { name: 'Knowledge bases', level: 1 }).waitFor();

  step = 'create a knowledge base';
  await page.getByLabel('Name').fill('handbook');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('heading', { name: 'Documents of handbook' }).waitFor();
  await assertLabelled(page, 'knowledge bases');

  step = 'upload a document and see it reach indexed';
  await page.getByLabel('File to upload').setInputFiles(documentPath);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Vacation' });
  await row.getByText('indexed', { exact: true }).waitFor({ timeout: 120_000 });
  await page.screenshot({ path: join(shots, '1-knowledge-bases.png'), fullPage: true });

  step = 'create an assistant';
  await page.getByRole('link', { name: 'Assistants' }).click();
  await page.getByRole('button', { name: 'New assistant' }).click();
  await page.getByLabel('Id').fill('hr');
  await page.getByLabel('Name').fill('HR helper');
  await page.getByLabel('Instructions').fill('Answer from the handbook and cite it.');
  await page.getByLabel('handbook').check();
  await assertLabelled(page, 'assistant form');
  await page.screenshot({ path: join(shots, '2-assistant-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.getByRole('row').filter({ hasText: 'HR helper' }).waitFor();
  await page.screenshot({ path: join(shots, '3-assistants.png'), fullPage: true });

  step = 'ask a question and see tokens before the answer completes';
  await page.getByRole('link', { name: 'Chat' }).click();
  await page.getByLabel('Assistant').selectOption('hr');
  await assertLabelled(page, 'chat');
  // By keyboard: Enter in the question sends it.
  await page.getByLabel('Your question').fill(question);
  await page.getByLabel('Your question').press('Enter');
  const answer = page.getByTestId('answer').last();
  await page.waitForFunction(() => {
    const all = document.querySelectorAll('[data-testid=answer]');
    const last = all[all.length - 1];
    return last && last.dataset.complete === 'false' && last.textContent.trim().length > 0;
  }, null, { polling: 10 });
  const partial = await answer.textContent();
  await page.screenshot({ path: join(shots, '4-chat-streaming.png'), fullPage: true });
  await page.locator('[data-testid=answer][data-complete=true]').last().waitFor();
  const complete = await answer.textContent();
  if (!(complete.length > partial.length && complete.startsWith(partial.slice(0, 10)))) {
    throw new Error(`the answer did not grow as it streamed: partial "${partial}", complete "${complete}"`);
  }
  await page.getByRole('list', { name: 'Sessions' }).getByRole('button', { name: /^How many vacation days/ }).waitFor();
  await page.screenshot({ path: join(shots, '5-chat-answer.png'), fullPage: true });

  step = 'open a citation';
  await page.getByRole('button', { name: /^Open source 1/ }).click();
  await page.getByTestId('passage').filter({ hasText: expectedPassage }).waitFor();
  await page.screenshot({ path: join(shots, '6-citation.png'), fullPage: true });
  step = 'follow the citation to its document';
  await page.getByTestId('passage-document').click();
  await page.locator(`tr.pf-m-selected[data-document="${documentId}"]`).waitFor();
  await page.goBack();
  await page.getByRole('heading', { name: 'Chat', level: 1 }).waitFor();

  step = 'find the session in the list, start a new one, and open it again';
  const sessions = page.getByRole('list', { name: 'Sessions' });
  const openSession = sessions.getByRole('button', { name: /^How many vacation days/ });
  await page.getByRole('button', { name: 'New session' }).click();
  await page.getByTestId('answer').waitFor({ state: 'detached' });
  await openSession.click();
  await page.locator('[data-testid=answer][data-complete=true]').filter({ hasText: '25 days' }).waitFor();
  await page.getByRole('button', { name: /^Open source 1/ }).waitFor();

  step = 'read a stored summary as its report with charts';
  await page.getByRole('link', { name: 'Summaries' }).click();
  await page.getByLabel('Scope').selectOption(scope);
  await page.getByRole('button', { name: 'Show summaries' }).click();
  await page.getByRole('button', { name: /^Open the summary of/ }).first().click();
  const report = page.getByTestId('summary-report');
  await report.locator('svg[role=img][aria-label^="Health"]').waitFor();
  await report.locator('svg[role=img][aria-label^="Distribution of each metric"] g[data-metric]').first().waitFor();
  await report.locator('svg[role=img][aria-label^="Incidents over the window"] rect[data-kind]').first().waitFor();
  await report.getByRole('grid', { name: 'Metric statistics' }).or(report.getByRole('table', { name: 'Metric statistics' })).waitFor();
  await assertLabelled(page, 'summaries');
  await page.screenshot({ path: join(shots, '7-summary.png'), fullPage: true });

  step = 'narrow screen, by keyboard';
  // Loaded narrow, as a phone opens it: the navigation starts folded behind its toggle.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/console/#/chat`);
  await page.reload();
  await page.getByRole('heading', { name: 'Chat', level: 1 }).waitFor();
  await page.getByRole('list', { name: 'Sessions' }).waitFor();
  await assertNoSideways(page, 'chat');
  await page.waitForTimeout(500); // the sidebar's slide-out transition
  await page.screenshot({ path: join(shots, '8-chat-narrow.png'), fullPage: true });
  const toggle = page.getByRole('button', { name: 'Navigation' });
  await toggle.focus();
  await page.keyboard.press('Enter');
  const summariesLink = page.getByRole('link', { name: 'Summaries' });
  await summariesLink.waitFor();
  await summariesLink.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Summaries', level: 1 }).waitFor();
  await assertNavigationClosed(page, 'summaries');
  await page.getByRole('button', { name: 'Show summaries' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: /^Open the summary of/ }).first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('summary-report').locator('svg[role=img]').first().waitFor();
  await assertNoSideways(page, 'summaries');
  await page.screenshot({ path: join(shots, '9-summary-narrow.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });

  step = 'delete the session';
  await page.goto(`${base}/console/#/chat`);
  await page.getByRole('button', { name: /^Delete session How many vacation days/ }).click();
  await page.getByText('No session yet').waitFor();

  step = 'delete the document';
  await page.goto(`${base}/console/#/knowledge-bases`);
  await page.getByRole('button', { name: `Delete ${documentId}` }).click();
  await page.getByRole('row').filter({ hasText: 'Vacation' }).waitFor({ state: 'detached' });
  await page.screenshot({ path: join(shots, '10-document-deleted.png'), fullPage: true });

  step = 'ask again and find the deleted document gone from the answer';
  await page.getByRole('link', { name: 'Chat' }).click();
  await page.getByLabel('Assistant').selectOption('hr');
  await page.getByLabel('Your question').fill(question);
  await page.getByLabel('Your question').press('Enter');
  const after = page.locator('[data-testid=answer][data-complete=true]').last();
  await after.waitFor();
  const cited = await page.getByRole('button', { name: /^Open source/ }).count();
  const answered = (await after.textContent()).trim();
  if (cited > 0 || answered !== 'I could not find this in the knowledge base.') {
    throw new Error(`after the delete the answer still drew on the knowledge base: ${cited} sources, "${answered}"`);
  }
  await page.screenshot({ path: join(shots, '11-chat-after-delete.png'), fullPage: true });

  step = 'delete the knowledge base, once confirmed';
  await page.getByRole('link', { name: 'Knowledge bases' }).click();
  await page.getByRole('button', { name: 'Delete knowledge base handbook' }).click();
  const confirm = page.getByRole('dialog', { name: /Delete handbook\?/ });
  await assertLabelled(page, 'delete knowledge base');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByText('None yet: create one.').waitFor();

  if (repository) {
    step = 'convert a repository, read the report and download the pattern';
    await page.getByRole('link', { name: 'Conversions' }).click();
    await page.getByLabel('Repository').fill(repository);
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await page.getByTestId('conversion-status').filter({ hasText: 'done' }).waitFor({ timeout: 120_000 });
    await page.getByTestId('conversion-report').getByText('AI/ML inference', { exact: true }).waitFor();
    // The page scrolls inside its main section, which a full-page screenshot does not unroll.
    await page.getByTestId('conversion-report').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, '12-conversion-report.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download .+\.zip$/ }).click()]);
    const zip = join(shots, 'pattern.zip');
    await download.saveAs(zip);
    if (readFileSync(zip).subarray(0, 2).toString('latin1') !== 'PK') {
      throw new Error(`the downloaded pattern ${download.suggestedFilename()} is not a zip`);
    }
  }

  if (problems.length) {
    throw new Error(problems.join('\n'));
  }
  console.log(`console flow passed: first tokens "${partial.trim()}" before the answer "${complete.trim()}"`);
} catch (e) {
  await fail(page, join(shots, 'failure.png'), `console flow failed at "${step}": ${e.message}`, problems);
} finally {
  await close();
}
