import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  consentDecisions,
  consentGivers,
  consentScopes,
  ConsentDecision,
  ConsentGiver,
  ConsentScope,
} from '@mukti/contracts';
import { Instant } from '../fields';

export class RecordConsentRequest {
  @ApiProperty({ enum: consentScopes })
  @IsIn(consentScopes)
  scope!: ConsentScope;

  @ApiProperty({ enum: consentDecisions })
  @IsIn(consentDecisions)
  decision!: ConsentDecision;

  @ApiPropertyOptional({ enum: consentGivers, default: 'self', description: "for a child, her guardian's or the Child Welfare Committee's" })
  @IsOptional()
  @IsIn(consentGivers)
  givenBy?: ConsentGiver;

  @ApiPropertyOptional({ format: 'date-time', description: 'when she decided; defaults to now' })
  @IsOptional()
  @Instant()
  decidedAt?: string;
}

export class RecordedResponse {
  @ApiProperty({ format: 'uuid', description: 'the id of what was recorded' })
  id!: string;
}
