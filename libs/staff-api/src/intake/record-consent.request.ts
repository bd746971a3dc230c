import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import {
  consentDecisions,
  consentGivers,
  consentScopes,
  ConsentDecision,
  ConsentGiver,
  ConsentScope,
} from '@mukti/contracts';

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
  @IsISO8601({ strict: true })
  decidedAt?: string;
}

export class RecordedResponse {
  @ApiProperty({ format: 'uuid', description: 'the id of what was recorded' })
  id!: string;
}
