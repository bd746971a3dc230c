import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { CommandContext } from '@mukti/contracts';
import { RequestContext } from '@mukti/http';
import { Roles } from '@mukti/security';
import { endpointRoles, RegisterPersonRequest, RegisterPersonResponse } from '@mukti/staff-api';
import { RegisterPersonHandler } from './register-person.handler';

@Controller('people')
export class RegisterPersonController {
  constructor(private readonly handler: RegisterPersonHandler) {}

  @Post()
  @HttpCode(201)
  @Roles(...endpointRoles.registerPerson)
  async register(@Body() request: RegisterPersonRequest, @RequestContext() context: CommandContext): Promise<RegisterPersonResponse> {
    return { id: await this.handler.handle(request, context) };
  }
}
