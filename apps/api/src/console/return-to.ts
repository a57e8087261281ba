/** Only the console's own pages are places to come back to after sign-in: no open redirect. */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || !/^\/app(\/[A-Za-z0-9\-._~/%]*)?(\?[A-Za-z0-9\-._~=&%]*)?$/.test(value) || value.includes('//')) return '/app';
  return value;
}
