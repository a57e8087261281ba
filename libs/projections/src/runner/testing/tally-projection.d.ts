import type { Projection } from '../projection';

export interface TallyProjectionOptions {
  name: string;
  streamPrefix: string;
  tablePrefix: string;
  version?: number;
  revisionOffset?: number;
  delayMs?: number;
}

export function createTallyProjection(options: TallyProjectionOptions): Projection;
