/** Parts of the system report their state here; /health runs them all through @nestjs/terminus. */
export interface ComponentHealth {
  up: boolean;
  detail?: string;
}

export type HealthCheck = () => Promise<ComponentHealth>;

/**
 * The named checks, registered by the modules that own them when they start (the database, the
 * event store, the projections). Terminus has indicators for some databases but none for our pg
 * pool, event store port or projection runner, and no place where a module adds one at start:
 * this is that place. HealthController turns each check into a terminus indicator.
 */
export class HealthRegistry {
  private readonly checks = new Map<string, HealthCheck>();

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  check(name: string): HealthCheck | undefined {
    return this.checks.get(name);
  }
}
