import 'reflect-metadata';
import { runService } from '@mukti/http';
import { rehabilitationConfig } from './rehabilitation.config';
import { RehabilitationModule } from './rehabilitation.module';

runService({ config: rehabilitationConfig, port: (config) => config.REHABILITATION_PORT, module: RehabilitationModule.register });
