/**
 * Back-off for re-establishing a dropped subscription. Exponential so that a restarting cluster is
 * not hammered by every worker at once, jittered so that workers which lost the connection together
 * do not come back in lock-step, capped so that recovery after a long outage is still prompt.
 * Pure: randomness is injected, so tests can pin it.
 */
export interface ReconnectPolicyOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  multiplier?: number;
  /** Fraction (0..1) of each delay that is randomised away: delay in [capped * (1 - jitter), capped]. */
  jitter?: number;
  /** Give up after this many consecutive failures; undefined retries for ever. */
  maxAttempts?: number;
  random?: () => number;
}

export class ReconnectPolicy {
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly multiplier: number;
  private readonly jitter: number;
  private readonly maxAttempts: number | undefined;
  private readonly random: () => number;
  private failures = 0;

  constructor(options: ReconnectPolicyOptions = {}) {
    this.initialDelayMs = options.initialDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.multiplier = options.multiplier ?? 2;
    this.jitter = options.jitter ?? 0.2;
    this.maxAttempts = options.maxAttempts;
    this.random = options.random ?? Math.random;
    if (!(this.initialDelayMs > 0) || !(this.maxDelayMs >= this.initialDelayMs)) {
      throw new RangeError('reconnect delays must satisfy 0 < initialDelayMs <= maxDelayMs');
    }
    if (!(this.multiplier >= 1)) throw new RangeError('reconnect multiplier must be at least 1');
    if (!(this.jitter >= 0 && this.jitter <= 1)) throw new RangeError('reconnect jitter must lie in [0, 1]');
  }

  /** Consecutive failures since the last success. */
  get attempts(): number {
    return this.failures;
  }

  /** The wait before the next attempt, or undefined when the policy gives up. */
  nextDelay(): number | undefined {
    if (this.maxAttempts !== undefined && this.failures >= this.maxAttempts) return undefined;
    const exponential = this.initialDelayMs * this.multiplier ** this.failures;
    const capped = Math.min(this.maxDelayMs, exponential);
    this.failures++;
    return Math.round(capped * (1 - this.jitter * this.random()));
  }

  /** A connection worked: the next failure starts again from the initial delay. */
  reset(): void {
    this.failures = 0;
  }
}
