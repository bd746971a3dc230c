import 'reflect-metadata';
import { runService } from '@mukti/http';
import { livelihoodConfig } from './livelihood.config';
import { LivelihoodModule } from './livelihood.module';

runService({ config: livelihoodConfig, port: (config) => config.LIVELIHOOD_PORT, module: LivelihoodModule.register });
