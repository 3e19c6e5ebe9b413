// Next.js configuration. Packages that must run as plain Node modules (the embedded database,
// drivers, the auth library) stay out of the server bundle so the custom server and the
// route handlers share one copy of each at run time.
import type { NextConfig } from 'next';

// Next sends anonymous usage telemetry unless NEXT_TELEMETRY_DISABLED is set. Every next command
// (build, dev, the server) reads this file before it starts its telemetry, so Waymark opts out here
// by default; set NEXT_TELEMETRY_DISABLED= (empty) to opt in.
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'ws'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
