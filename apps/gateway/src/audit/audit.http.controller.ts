import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { StaffEndpoint, ServiceClient } from '@mukti/http';
import { AuditPageView, AuditQuery, auditSubject, endpointRoles } from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { AUDIT } from '../upstream/service-client';

/** The audit trail of one person's record, or of a record with a team of its own: who read or changed it, when, why, and what they got. Admins only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(AUDIT) private readonly audit: ServiceClient) {}

  @Get()
  @StaffEndpoint('readAuditTrail')
  @ApiOperation({
    summary: "Who read or changed a person's record, or a rescue operation, case, perpetrator, household or prevention plan",
    description: `Give personId or recordId. Newest first, paged. ${rolesNote(endpointRoles.readAuditTrail)}`,
  })
  @ApiOkResponse({ type: AuditPageView })
  @ApiUnprocessableEntityResponse({ description: 'neither personId nor recordId given' })
  read(@Query() query: AuditQuery, @Req() caller: Request): Promise<AuditPageView> {
    const search = new URLSearchParams({
      ...auditSubject(query),
      page: String(query.page ?? 1),
      pageSize: String(query.pageSize ?? 50),
    });
    return this.audit.send('GET', `/audit?${search}`, caller);
  }
}
