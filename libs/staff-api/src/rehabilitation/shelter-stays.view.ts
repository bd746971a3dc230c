import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { dischargeReasons, shelterKinds } from '@mukti/contracts';

export class ShelterStayView {
  @ApiProperty({ format: 'date-time' }) admittedAt!: string;
  @ApiProperty({ enum: shelterKinds }) kind!: (typeof shelterKinds)[number];
  @ApiProperty() state!: string;
  @ApiProperty() district!: string;
  @ApiPropertyOptional({ description: "the shelter's name; absent once her personal data was erased (it was sealed with her key)" })
  name?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'absent while she stays there' })
  dischargedAt?: string;
  @ApiPropertyOptional({ enum: dischargeReasons })
  dischargeReason?: (typeof dischargeReasons)[number];
}

export class ShelterStaysView {
  @ApiProperty({ type: [ShelterStayView], description: 'oldest first; the last one without dischargedAt is where she is now' })
  stays!: ShelterStayView[];
}
