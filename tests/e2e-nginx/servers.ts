/** Loopback ports of the two nginx servers the nginx end-to-end run starts. */
export const NGINX_PORT = Number(process.env.NGINX_PORT ?? 4381);
export const SUBPATH_PORT = Number(process.env.NGINX_SUBPATH_PORT ?? 4382);
/** The base path of the second build (BASE_PATH). */
export const SUBPATH = '/map/';
export const SUBPATH_ORIGIN = `http://127.0.0.1:${SUBPATH_PORT}`;
