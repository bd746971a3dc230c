import mongoose, { Connection } from 'mongoose';

/**
 * Each service owns one database, named in its MONGODB_URI. Only what every MongoDB-protocol
 * store does well is used (documents, unique indexes, conditional single-document updates,
 * filtered and sorted finds): no multi-document transactions, change streams or TTL indexes.
 */
export async function connectDatabase(uri: string): Promise<Connection> {
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
    autoCreate: false,
  });
  await connection.asPromise();
  return connection;
}
