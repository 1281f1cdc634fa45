// Runs once, when the MongoDB volume is initialised (the official image runs /docker-entrypoint-initdb.d/*.js
// with mongosh, authenticated as the root user of MONGO_INITDB_ROOT_USERNAME).
//
// The crawler's user gets readWrite on the kznews database only: it stores articles and runs and builds their
// indexes, and can do nothing else (no other database, no user or server administration). An optional reader
// user (KZNEWS_READER_PASSWORD) gets read on the same database, for consumers and dashboards.
const dbName = process.env.MONGO_INITDB_DATABASE || "kznews";
const crawler = process.env.KZNEWS_MONGO_USERNAME || "kznews";
const crawlerPassword = process.env.KZNEWS_MONGO_PASSWORD;
if (!crawlerPassword) {
  throw new Error("KZNEWS_MONGO_PASSWORD is not set: the crawler's database user cannot be created");
}
const kznews = db.getSiblingDB(dbName);
kznews.createUser({ user: crawler, pwd: crawlerPassword, roles: [{ role: "readWrite", db: dbName }] });

const reader = process.env.KZNEWS_READER_USERNAME || "kznews_reader";
const readerPassword = process.env.KZNEWS_READER_PASSWORD;
if (readerPassword) {
  kznews.createUser({ user: reader, pwd: readerPassword, roles: [{ role: "read", db: dbName }] });
}
