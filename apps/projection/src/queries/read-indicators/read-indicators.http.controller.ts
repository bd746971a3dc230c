import { Controller, Get, Query } from '@nestjs/common';
import { StaffEndpoint } from '@mukti/http';
import { SuppressionQuery } from '@mukti/staff-api';
import { indicatorsFromCells } from '../../indicators/indicator-cells';
import { DEFAULT_K } from '../../indicators/indicators';
import { TimelineStore } from '../../timeline/timeline.store';

/** Programme indicators from the counters kept as events arrive: counts only, every count under k suppressed. For admins and analysts. */
@Controller('indicators')
export class ReadIndicatorsController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('readIndicators')
  async read(@Query() query: SuppressionQuery) {
    return indicatorsFromCells(await this.timeline.indicatorCells(), query.k ?? DEFAULT_K);
  }
}
