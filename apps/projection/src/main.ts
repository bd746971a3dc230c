import 'reflect-metadata';
import { runService } from '@mukti/http';
import { projectionConfig } from './projection.config';
import { ProjectionModule } from './projection.module';

runService({
  config: projectionConfig,
  port: (config) => config.PROJECTION_PORT,
  module: ProjectionModule.register,
});
