import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** k of the k-anonymity: counts under it are suppressed. Never below 11 (CTDC's public threshold). */
export class SuppressionQuery {
  @ApiPropertyOptional({ default: 11, minimum: 11, maximum: 1000, description: 'suppress every count under k' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(11)
  @Max(1000)
  k?: number;
}
