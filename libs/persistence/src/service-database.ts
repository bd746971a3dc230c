import type { OnApplicationShutdown } from '@nestjs/common';
import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { connectDatabase } from './mongo-connection';
import { fencedCollection, FencedCollection } from './fenced-change';

/** A service's own database, closed when the service shuts down. */
export class ServiceDatabase implements OnApplicationShutdown {
  private constructor(readonly connection: Connection) {}

  static async connect(uri: string): Promise<ServiceDatabase> {
    return new ServiceDatabase(await connectDatabase(uri));
  }

  collection(name: string): Collection {
    return this.connection.getClient().db(this.connection.name).collection(name);
  }

  /** A collection of documents changed only through changeFenced, with its claims. */
  fenced(name: string): FencedCollection {
    return fencedCollection(this.connection.getClient().db(this.connection.name), name);
  }

  /** For the readiness check. */
  async ping(): Promise<{ database: string }> {
    await this.connection.getClient().db(this.connection.name).command({ ping: 1 });
    return { database: this.connection.name };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}
