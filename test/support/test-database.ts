/** The database of this test run, made by test/support/run-tests.js (`npm test`). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which provides a database');
  return url;
}
