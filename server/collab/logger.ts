// The collaboration server's logging seam (console by default; tests pass a quiet one).
export interface Logger {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export const consoleLogger: Logger = {
  info: (m, ...d) => console.log(`[collab] ${m}`, ...d),
  warn: (m, ...d) => console.warn(`[collab] ${m}`, ...d),
  error: (m, ...d) => console.error(`[collab] ${m}`, ...d),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
