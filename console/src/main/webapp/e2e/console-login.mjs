// Signing in to the console through the identity provider's own login page, in Debian's Chromium driven
// by playwright-core, against a bundle with ragfn.auth.mode=oidc: the console sends the browser to the
// issuer (authorization code with PKCE), USERNAME signs in there, and back in the console every call to
// /api and /chat carries that user's bearer token; the user chats with the assistant "hr", finds the
// session, and logs out, which ends the session at the issuer too. Exits non-zero with the failing step.
//
// RAGFN_URL=http://127.0.0.1:8080 USERNAME=alice PASSWORD=alice-pw SCREENSHOTS=target/console node e2e/console-login.mjs
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, openChromium, required } from './browser.mjs';
import { assertLabelled } from './checks.mjs';

const base = required('RAGFN_URL');
const username = required('USERNAME');
const password = required('PASSWORD');
const shots = required('SCREENSHOTS');
mkdirSync(shots, { recursive: true });
rmSync(join(shots, 'login-failure.png'), { force: true });

const { page, close } = await openChromium();
const problems = [];
const calls = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('requestfailed', (r) => {
  // A page that navigates away cancels what it still loads (net::ERR_ABORTED): no failure.
  if (r.failure()?.errorText !== 'net::ERR_ABORTED') {
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  }
});
page.on('request', (r) => {
  const path = new URL(r.url()).pathname;
  if (r.url().startsWith(base) && (path.startsWith('/api/') || path.startsWith('/chat/')) && path !== '/api/identity') {
    calls.push({ path, authorization: r.headers().authorization ?? '' });
  }
});

let step = 'start';
try {
  step = 'open the console: it sends the browser to the identity provider';
  await page.goto(`${base}/console/#/chat`);
  await page.locator('#username').waitFor();
  if (page.url().startsWith(base)) {
    throw new Error(`still on the console at ${page.url()}: no redirect to the issuer`);
  }
  await page.screenshot({ path: join(shots, '13-identity-provider-login.png'), fullPage: true });

  step = `sign in as ${username} on the identity provider's page`;
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL(`${base}/console/**`);
  const user = page.getByTestId('signed-in-user');
  await user.waitFor();
  const shown = (await user.textContent()).trim();
  if (!shown.startsWith(username)) {
    throw new Error(`the masthead shows "${shown}", not ${username}`);
  }
  await page.getByRole('heading', { name: 'Chat', level: 1 }).waitFor();
  if (new URL(page.url()).search) {
    throw new Error(`the code stayed in the address bar: ${page.url()}`);
  }

  step = 'chat as the signed-in user';
  await page.getByLabel('Assistant').selectOption('hr');
  await page.getByLabel('Your question').fill('How many vacation days do employees get?');
  await page.getByLabel('Your question').press('Enter');
  await page.locator('[data-testid=answer][data-complete=true]').waitFor();
  await page.getByRole('list', { name: 'Sessions' }).getByRole('button', { name: /^How many vacation days/ }).waitFor();
  await assertLabelled(page, 'chat, signed in');
  await page.screenshot({ path: join(shots, '14-signed-in.png'), fullPage: true });

  step = 'read the tenant\'s knowledge bases';
  await page.getByRole('link', { name: 'Knowledge bases' }).click();
  // The page offers the tenant's knowledge bases in a select: its option is attached, not visible.
  await page.locator('option', { hasText: 'handbook' }).first().waitFor({ state: 'attached' });

  step = 'every call to ragfn carried a bearer token';
  const bare = calls.filter((c) => !c.authorization.startsWith('Bearer '));
  if (calls.length === 0 || bare.length) {
    throw new Error(`calls without a bearer token: ${bare.map((c) => c.path).join(', ') || '(no calls seen)'}`);
  }
  if (!calls.some((c) => c.path === '/chat/stream')) {
    throw new Error(`the chat was not called: ${calls.map((c) => c.path).join(', ')}`);
  }

  step = 'log out: back to the identity provider';
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.locator('#username').waitFor();
  await page.goto(`${base}/console/#/chat`);
  await page.locator('#username').waitFor();

  if (problems.length) {
    throw new Error(problems.join('\n'));
  }
  console.log(`console login passed: ${shown}, ${calls.length} calls with a bearer token`);
} catch (e) {
  await fail(page, join(shots, 'login-failure.png'), `console login failed at "${step}": ${e.message}`, problems);
} finally {
  await close();
}
