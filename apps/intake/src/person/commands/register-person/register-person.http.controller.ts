import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { AccessReason, RequestContext, StaffEndpoint } from '@mukti/http';

import { RegisterPersonRequest, RegisterPersonResponse } from '@mukti/staff-api';
import { RegisterPersonHandler } from './register-person.handler';

@Controller('people')
export class RegisterPersonController {
  constructor(private readonly handler: RegisterPersonHandler) {}

  @Post()
  @HttpCode(201)
  @StaffEndpoint('registerPerson')
  async register(
    @Body() request: RegisterPersonRequest,
    @RequestContext() context: CommandContext,
    @AccessReason() accessReason?: string,
  ): Promise<RegisterPersonResponse> {
    return { id: await this.handler.handle(request, context, accessReason) };
  }
}
