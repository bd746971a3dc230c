import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { caseRoles, CaseRole } from '@mukti/contracts';

export class AssignStaffRequest {
  @ApiProperty({ description: "the staff member's subject in the identity provider (the token's sub)", example: 'meera' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[\w.@:-]+$/, { message: 'staffId must be letters, digits, . @ : _ or -' })
  staffId!: string;

  @ApiProperty({ enum: caseRoles, description: 'the role in which she works on this case' })
  @IsIn(caseRoles)
  staffRole!: CaseRole;
}
