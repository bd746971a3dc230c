import { Controller, Get, Query } from '@nestjs/common';
import { StaffEndpoint } from '@mukti/http';
import { SuppressionQuery } from '@mukti/staff-api';
import { DEFAULT_K, programmeIndicators } from '../../indicators/indicators';
import { TimelineStore } from '../../timeline/timeline.store';

/** Programme indicators: counts only, every count under k suppressed. For admins and analysts. */
@Controller('indicators')
export class ReadIndicatorsController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('readIndicators')
  async read(@Query() query: SuppressionQuery) {
    return programmeIndicators(await this.timeline.allSummaries(), query.k ?? DEFAULT_K);
  }
}
