// What the browser flows share: their settings from the environment and Debian's Chromium in a profile of its own.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable `name`; exits with status 2 when it is not set. */
export function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

/** Chromium (CHROMIUM, else /usr/bin/chromium), headless in a fresh profile, and its page; `close` also removes the profile. */
export async function openChromium() {
  const profile = mkdtempSync(join(tmpdir(), 'ragfn-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // The machine has no route out: keep Chromium from calling home (and failing) at every start.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
    viewport: { width: 1280, height: 860 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60_000);
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { page, close };
}

/** Ends a failed flow: a screenshot of the page to `screenshot`, `message` and the problems seen on stderr, exit code 1. */
export async function fail(page, screenshot, message, problems) {
  await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
  console.error(message);
  if (problems.length) {
    console.error(problems.join('\n'));
  }
  process.exitCode = 1;
}
