import 'reflect-metadata';
import { runService } from '@mukti/http';
import { rescueConfig } from './rescue.config';
import { RescueModule } from './rescue.module';

runService({ config: rescueConfig, port: (config) => config.RESCUE_PORT, module: RescueModule.register });
