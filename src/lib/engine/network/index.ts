// Suggesting a support network: distance providers, the three problems and their solver.
export * from './distance.ts';
export * from './steps.ts';
export * from './solve.ts';
export type { StoppedBy } from './coverage.ts';
export * from './register.ts';
