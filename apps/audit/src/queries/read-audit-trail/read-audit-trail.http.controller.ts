import { Controller, Get, Query } from '@nestjs/common';
import { StaffEndpoint } from '@mukti/http';
import { AuditPageView, AuditQuery, auditSubject } from '@mukti/staff-api';
import { AuditStore } from '../../trail/audit.store';

/** Who read or changed a person's record, or a record with a team of its own (a rescue operation, a case...), newest first. Admins only. */
@Controller('audit')
export class ReadAuditTrailController {
  constructor(private readonly store: AuditStore) {}

  @Get()
  @StaffEndpoint('readAuditTrail')
  async read(@Query() query: AuditQuery): Promise<AuditPageView> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const about = auditSubject(query);
    return { ...about, page, pageSize, records: await this.store.page(about, page, pageSize) };
  }
}
