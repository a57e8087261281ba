/** The logging the runner needs; a pino logger fits as it is. Fields carry ids and codes, never event data. */
export interface ProjectionLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: ProjectionLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
