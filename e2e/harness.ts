import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { createDemoAccounts } from '../src/modules/identity/demo-accounts.ts';
import { signIn, TEST_PASSWORD, type Session } from '../src/modules/identity/testing.ts';
import { readConfig } from '../src/platform/config.ts';
import type { Db } from '../src/platform/db.ts';
import type { App } from '../src/platform/http.ts';
import { openTestDb } from '../src/platform/testing/stores.ts';
import { buildServer } from '../src/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  db: Db;
  app: App;
  /** Browser console errors and warnings, for diagnosing a failed test. */
  consoleProblems: string[];
  /** The account the browser signed in with (a city officer: whole city, may correct data). */
  username: string;
  /** PUT a contract profile through the real API; throws with the server's message on failure. */
  putProfile(profile: { credit_code: string }, query?: Record<string, string>): Promise<{ version: number }>;
  /** The demo accounts (password Tidu-demo-2026), demo_enterprise bound to the first of these 渝北区 enterprises. */
  createDemoAccounts(enterprisesInYubei: string[]): Promise<void>;
  /** Signs the browser in through the login page and waits until it has left it. */
  signInThroughPage(username: string, password: string): Promise<void>;
  /** Signs the browser out through the header's user menu and waits for the login page. */
  signOutThroughPage(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Sign the browser in as the harness's city officer before returning (default true). */
  signInBrowser?: boolean;
}

/**
 * The real server on a fresh in-memory PGlite, serving the built web app, and one Chromium page.
 * The web app is built first when stale, because the server only serves web/dist if it exists at start.
 */
export async function startHarness({ signInBrowser = true }: HarnessOptions = {}): Promise<Harness> {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-web-if-stale.mjs')], { cwd: root, stdio: 'inherit' });

  const db = await openTestDb('pglite');
  // Tests change the registry between page loads: counts must not come from the server's short-lived cache.
  const app = await buildServer({ db, config: { ...readConfig(), countCacheSeconds: 0 } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  // A real account through the real login route: the API session seeds data, the browser signs in through the page.
  const username = 'e2e_city_officer';
  const apiSession: Session = await signIn(app, db, [{ role: 'city_officer' }], username);

  const userDataDir = mkdtempSync(join(tmpdir(), 'tidu-e2e-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      // The users' browsers run on China time, as the server's "today" does (todayIso); between 16:00 and 24:00 UTC
      // a browser on the machine's UTC would be a day behind the server.
      timezoneId: 'Asia/Shanghai',
    });
  } catch (err) {
    rmSync(userDataDir, { recursive: true, force: true });
    await app.close();
    await db.close();
    throw err;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleProblems: string[] = [];
  page.on('console', (entry) => {
    if (entry.type() === 'error' || entry.type() === 'warning') consoleProblems.push(`[${entry.type()}] ${entry.text()}`);
  });
  page.on('pageerror', (error) => consoleProblems.push(`[pageerror] ${error.message}`));

  async function putProfile(profile: { credit_code: string }, query: Record<string, string> = {}) {
    const search = new URLSearchParams(query).toString();
    const response = await fetch(`${baseUrl}/api/enterprises/${profile.credit_code}/profile${search ? `?${search}` : ''}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...apiSession.headers },
      body: JSON.stringify(profile),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`PUT ${profile.credit_code} → ${response.status}: ${JSON.stringify(body)}`);
    return body as { version: number };
  }

  async function signInThroughPage(name: string, password: string) {
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill(name);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  }

  async function signOutThroughPage() {
    await page.mouse.move(0, 0); // the pointer may rest where the menu opened last time: enter it afresh
    await page.getByTestId('current-user').hover();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
  }

  if (signInBrowser) {
    await signInThroughPage(username, TEST_PASSWORD);
    await page.getByTestId('current-user').waitFor();
  }

  return {
    baseUrl,
    username,
    page,
    context,
    consoleProblems,
    db,
    app,
    putProfile,
    async createDemoAccounts(enterprisesInYubei: string[]) {
      await createDemoAccounts(db, enterprisesInYubei);
    },
    signInThroughPage,
    signOutThroughPage,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
      await app.close();
      await db.close();
    },
  };
}

/** expect.poll with room for a page that loads several API calls (vitest's default gives up after 1 s). */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 10_000, interval: 100 });
}

/**
 * Chooses `label` in a select (a Locator, or the data-testid of one; typing `search` first in a searchable one) and
 * waits until the choice shows and the dropdown is gone. Under load a click can land while the form is still moving
 * (a modal opening, a validation message collapsing, options arriving): the option then stays unchosen, or the dropdown
 * never shows it, and the choice is tried again, up to three times.
 */
export async function choose(page: Page, select: Locator | string, label: string, search?: string) {
  const target = typeof select === 'string' ? page.getByTestId(select) : select;
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 1; ; attempt++) {
    if ((await open.count()) === 0) {
      await target.click();
      if (search) await page.keyboard.type(search);
    }
    try {
      await open.locator('.ant-select-item-option', { hasText: label }).first().click({ timeout: 10_000 });
      await expect.poll(async () => (await open.count()) === 0 && ((await target.textContent()) ?? '').includes(label), { timeout: 3_000, interval: 100 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 3) throw new Error(`“${label}” not chosen in ${typeof select === 'string' ? select : String(select)}`, { cause: error });
    }
  }
}
