import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ServiceClient, StaffEndpoint } from '@mukti/http';
import { AlertsQuery, AlertsView, endpointRoles } from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { PROJECTION } from '../upstream/service-client';
import { queryString } from '../upstream/query-string';

/** Open alerts across people, from the projection: what needs someone's attention now. */
@ApiTags('alerts')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this' })
@Controller('alerts')
export class AlertsController {
  constructor(@Inject(PROJECTION) private readonly projection: ServiceClient) {}

  @Get()
  @StaffEndpoint('readAlerts')
  @ApiOperation({
    summary: 'Open alerts across the people on your case teams',
    description:
      'Decriminalisation (the police or a court recorded a survivor as accused), post-rescue steps past their due time, reintegration follow-ups missed; ' +
      'from the prosecution: debt bondage (a known perpetrator stood surety for her bail), her consent to be named to the law withdrawn while a case ' +
      'of hers is open, a charge sheet missing 60 or 90 days after the FIR. ' +
      'An alert closes when what it asks for is done. Admins see everyone. Oldest first, paged. ' +
      rolesNote(endpointRoles.readAlerts),
  })
  @ApiOkResponse({ type: AlertsView })
  read(@Query() query: AlertsQuery, @Req() caller: Request): Promise<AlertsView> {
    return this.projection.send('GET', `/alerts${queryString(query)}`, caller);
  }
}
