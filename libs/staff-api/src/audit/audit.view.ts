import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const MAX_AUDIT_PAGE_SIZE = 200;

export class AuditQuery {
  @ApiProperty({ format: 'uuid', description: 'whose record' })
  @IsUUID()
  personId!: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: MAX_AUDIT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE_SIZE)
  pageSize?: number;
}

export class AuditRecordView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() staffId!: string;
  @ApiProperty() staffRole!: string;
  @ApiProperty({ example: 'readPerson' }) action!: string;
  @ApiProperty() method!: string;
  @ApiProperty({ enum: ['requested', 'succeeded', 'refused', 'failed'] }) outcome!: string;
  @ApiPropertyOptional() status?: number;
  @ApiPropertyOptional() reason?: string;
  @ApiProperty() requestId!: string;
}

export class AuditPageView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: [AuditRecordView], description: 'newest first' }) records!: AuditRecordView[];
}
