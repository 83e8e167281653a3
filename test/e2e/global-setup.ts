// The e2e project's global setup (vitest.config.ts): one build, one preview server and one Chromium for all the
// browser test files, instead of one of each per file. Each file connects to the browser and opens its own fresh
// context (test/e2e/browser.ts `startHarness`), so storage (IndexedDB, localStorage) is still clean per file.
import type { TestProject } from 'vitest/node';
import { startServices } from './services.ts';

export default async function setup(project: TestProject) {
  const services = await startServices();
  project.provide('e2e', { origin: services.origin, wsEndpoint: services.wsEndpoint });
  return () => services.close();
}
