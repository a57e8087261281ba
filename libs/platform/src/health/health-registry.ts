/** Parts of the system report their state here; /health reads them all. */
export interface ComponentHealth {
  up: boolean;
  detail?: string;
}

export type HealthCheck = () => Promise<ComponentHealth>;

export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  async report(timeoutMs = 2_000): Promise<{ up: boolean; components: Record<string, ComponentHealth> }> {
    const entries = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<ComponentHealth>((resolve) => {
          timer = setTimeout(() => resolve({ up: false, detail: 'health check timed out' }), timeoutMs);
        });
        const result = await Promise.race([check().catch(() => ({ up: false, detail: 'health check failed' })), timeout]);
        clearTimeout(timer);
        return [name, result] as const;
      }),
    );
    const components = Object.fromEntries(entries);
    return { up: entries.every(([, health]) => health.up), components };
  }
}
