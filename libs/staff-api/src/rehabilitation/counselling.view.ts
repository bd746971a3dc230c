import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { counsellingKinds } from '@mukti/contracts';

export class CounsellingSessionView {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'date-time' }) heldAt!: string;
  @ApiProperty({ enum: counsellingKinds }) kind!: (typeof counsellingKinds)[number];
  @ApiProperty({ description: 'the counsellor who recorded it' }) counsellorId!: string;
  @ApiPropertyOptional({ description: 'present for counsellors only; absent for admins, or when her personal data was erased' })
  notes?: string;
}

export class CounsellingSessionsView {
  @ApiProperty({ type: [CounsellingSessionView] }) sessions!: CounsellingSessionView[];
}
