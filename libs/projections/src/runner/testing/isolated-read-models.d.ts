import type { Projection } from '../projection';

export interface IsolatedReadModels {
  /** Starts with `case-`; a case's stream is `<streamPrefix><case id>`. */
  streamPrefix: string;
  /** The isolated copy of each real read model, keyed by the real projection's name. */
  readModels: Record<string, Projection>;
  /** A tally of the same streams that fails on an event applied twice. */
  deliveryWitness: Projection;
}

export const ISOLATED_READ_MODEL_FACTORIES: Record<string, (options: { run: string; streamPrefix: string }) => Projection>;
export function isolatedStreamPrefix(run: string): string;
export function createIsolatedReadModels(run: string): IsolatedReadModels;
