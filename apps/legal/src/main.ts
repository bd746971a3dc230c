import 'reflect-metadata';
import { runService } from '@mukti/http';
import { legalConfig } from './legal.config';
import { LegalModule } from './legal.module';

runService({ config: legalConfig, port: (config) => config.LEGAL_PORT, module: LegalModule.register });
