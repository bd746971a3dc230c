import { Controller, Get, Query } from '@nestjs/common';
import { StaffEndpoint } from '@mukti/http';
import { SuppressionQuery } from '@mukti/staff-api';
import { DEFAULT_K, htcdsExport } from '../../indicators/indicators';
import { TimelineStore } from '../../timeline/timeline.store';

/** The de-identified export for researchers, in Human Trafficking Case Data Standard columns (docs/htcds-export.md). */
@Controller('research/htcds-export')
export class ExportHtcdsController {
  constructor(private readonly timeline: TimelineStore) {}

  @Get()
  @StaffEndpoint('exportHtcds')
  async export(@Query() query: SuppressionQuery) {
    return htcdsExport(await this.timeline.allSummaries(), query.k ?? DEFAULT_K);
  }
}
