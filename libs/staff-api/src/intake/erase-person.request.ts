import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { erasureReasons, ErasureReason } from '@mukti/contracts';

export class ErasePersonRequest {
  @ApiProperty({ enum: erasureReasons, description: 'why she is erased: a code, since what is written about her must itself be erasable' })
  @IsIn(erasureReasons)
  reason!: ErasureReason;
}
