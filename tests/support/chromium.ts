import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium (never a downloaded browser) with the flags that keep it off the
 * closed network: without them it floods the machine with connection attempts.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic'
  ]
};
