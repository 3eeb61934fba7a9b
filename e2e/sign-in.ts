import type { Page } from 'playwright-core';

/** Switches the browser to another account through the login page (the old session's cookie is dropped first). */
export async function signInAs(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}
