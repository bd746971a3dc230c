import 'reflect-metadata';
import { runService } from '@mukti/http';
import { intakeConfig } from './intake.config';
import { IntakeModule } from './intake.module';

runService({ config: intakeConfig, port: (config) => config.INTAKE_PORT, module: IntakeModule.register });
