import { Controller, Get } from '@nestjs/common';
import { StaffEndpoint } from '@mukti/http';
import { ProsecutionIndicators, prosecutionIndicators } from '../../indicators/prosecution-indicators';
import { ProsecutionStore } from '../../prosecution/prosecution.store';

/** Prosecution indicators, overall and by the FIR's state: numbers only. For admins. */
@Controller('prosecution-indicators')
export class ReadProsecutionIndicatorsController {
  constructor(private readonly prosecution: ProsecutionStore) {}

  @Get()
  @StaffEndpoint('readProsecutionIndicators')
  async read(): Promise<ProsecutionIndicators> {
    const [cases, perpetrators] = await Promise.all([this.prosecution.allCases(), this.prosecution.allPerpetrators()]);
    return prosecutionIndicators(cases, perpetrators);
  }
}
