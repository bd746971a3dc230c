import 'reflect-metadata';
import { runService } from '@mukti/http';
import { auditConfig } from './audit.config';
import { AuditModule } from './audit.module';

runService({ config: auditConfig, port: (config) => config.AUDIT_PORT, module: AuditModule.register });
