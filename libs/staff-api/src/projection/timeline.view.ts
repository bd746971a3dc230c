import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { pillars } from '@mukti/contracts';

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
}
