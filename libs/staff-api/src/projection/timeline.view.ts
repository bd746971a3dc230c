import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { pillars } from '@mukti/contracts';
import { IntegerQueryParam } from '../fields';

export const MAX_TIMELINE_PAGE = 500;
export const DEFAULT_TIMELINE_PAGE = 100;
export const timelineOrders = ['newest-first', 'oldest-first'] as const;

/** A page of her timeline: newest first unless asked otherwise, the next page by the cursor the last one gave. */
export class TimelineQuery {
  @IntegerQueryParam({ default: DEFAULT_TIMELINE_PAGE, minimum: 1, maximum: MAX_TIMELINE_PAGE })
  limit?: number;

  @ApiPropertyOptional({ enum: timelineOrders, default: 'newest-first' })
  @IsOptional()
  @IsIn(timelineOrders)
  order?: (typeof timelineOrders)[number];

  @ApiPropertyOptional({ description: 'nextCursor of the page before; opaque', maxLength: 200 })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of an earlier page' })
  cursor?: string;
}

export class ActorView {
  @ApiProperty() id!: string;
  @ApiProperty() role!: string;
}

/** One entry of a person's unified timeline: what happened, in which pillar, by whom; never personal data. */
export class TimelineEntryView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ enum: pillars }) pillar!: string;
  @ApiProperty({ example: 'org.mukti.intake.consent-recorded.v1' }) type!: string;
  @ApiProperty({ example: 'Consent to share with police granted (by herself)' }) summary!: string;
  @ApiProperty({ type: ActorView }) actor!: ActorView;
  @ApiPropertyOptional({ description: 'her personal data was erased; this entry identifies no one' }) erased?: boolean;
}

export class TimelineView {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ type: [TimelineEntryView] }) entries!: TimelineEntryView[];
  @ApiPropertyOptional({ description: 'where the next page starts (pass it as cursor); absent on the last page' })
  nextCursor?: string;
}
