// Next.js configuration. Packages that must run as plain Node modules (the embedded database,
// drivers, the auth library) stay out of the server bundle so the custom server and the
// route handlers share one copy of each at run time.
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  serverExternalPackages: ['@electric-sql/pglite', 'postgres', 'ws'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
