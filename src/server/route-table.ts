/** The routes an app registers, recorded as they are added: the table its API documentation is checked against. */
import type { FastifyInstance } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route of the app, HEAD twins of GET routes included; filled as plugins register. */
    readonly routeTable: readonly RouteEntry[];
  }
}

/** Call before any route is registered: onRoute sees only routes added after it, in every child scope. */
export function recordRouteTable(app: FastifyInstance): void {
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  app.decorate('routeTable', routes);
}
