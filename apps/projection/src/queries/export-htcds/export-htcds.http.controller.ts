import { Controller, Get, Query } from '@nestjs/common';
import { StaffEndpoint } from '@mukti/http';
import { SuppressionQuery } from '@mukti/staff-api';
import { htcdsRowsFromCells } from '../../indicators/indicator-cells';
import { DEFAULT_K, htcdsExportOf } from '../../indicators/indicators';
import { TimelineStore } from '../../timeline/timeline.store';

/** The de-identified export for researchers, in Human Trafficking Case Data Standard columns (docs/htcds-export.md), from the counter of each combination. */
@Controller('research/htcds-export')
export class ExportHtcdsController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('exportHtcds')
  async export(@Query() query: SuppressionQuery) {
    return htcdsExportOf(htcdsRowsFromCells(await this.timeline.indicatorCells()), query.k ?? DEFAULT_K);
  }
}
