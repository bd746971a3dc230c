import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { StaffEndpoint, ServiceClient } from '@mukti/http';
import { endpointRoles, SuppressionQuery } from '@mukti/staff-api';
import { rolesNote } from '../openapi';
import { PROJECTION } from '../upstream/service-client';

/**
 * Numbers for the programme and for researchers, from the projection: counts only. Counts of
 * people are suppressed under k; the prosecution indicators count cases and accused, for admins.
 */
@ApiTags('indicators and research')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'no token, or an invalid or expired one' })
@ApiForbiddenResponse({ description: 'the role may not do this' })
@Controller()
export class ResearchController {
  constructor(@Inject(PROJECTION) private readonly projection: ServiceClient) {}

  @Get('indicators')
  @StaffEndpoint('readIndicators')
  @ApiOperation({ summary: 'Programme indicators', description: 'People registered by role, state, age band and gender; vulnerability; consent; erasures. Groups under k (default 11) are never named: they are counted in "other" with enough of the smallest groups that no hidden group can be worked out from the total; a table that cannot be protected so is withheld; people who withdrew research consent are not counted (docs/htcds-export.md). ' + rolesNote(endpointRoles.readIndicators) })
  @ApiOkResponse()
  indicators(@Query() query: SuppressionQuery, @Req() caller: Request): Promise<unknown> {
    return this.projection.send('GET', `/indicators?k=${query.k ?? 11}`, caller);
  }

  @Get('prosecution-indicators')
  @StaffEndpoint('readProsecutionIndicators')
  @ApiOperation({
    summary: 'Prosecution indicators: who is prosecuted and who escapes',
    description:
      'Cases by stage, charge sheets filed, convictions and acquittals, the accused by category and by whether they profit directly or indirectly ' +
      '(buyers apart), and main accused ("kingpins") not in custody; overall and by the state of the FIR. Counts by state only: no case, ' +
      'perpetrator or person id, no place below the state, no personal data. These count cases and accused, not survivors, so nothing is suppressed. ' +
      rolesNote(endpointRoles.readProsecutionIndicators),
  })
  @ApiOkResponse()
  prosecutionIndicators(@Req() caller: Request): Promise<unknown> {
    return this.projection.send('GET', '/prosecution-indicators', caller);
  }

  @Get('research/htcds-export')
  @StaffEndpoint('exportHtcds')
  @ApiOperation({
    summary: 'De-identified export in HTCDS v2 columns',
    description: 'One row per combination of the columns with its count; combinations of fewer than k people (default 11) are left out and how many people that hides is reported (null when even that would give them away). Ages in bands, dates as years; people who withdrew research consent are left out (docs/htcds-export.md). ' + rolesNote(endpointRoles.exportHtcds),
  })
  @ApiOkResponse()
  htcds(@Query() query: SuppressionQuery, @Req() caller: Request): Promise<unknown> {
    return this.projection.send('GET', `/research/htcds-export?k=${query.k ?? 11}`, caller);
  }
}
