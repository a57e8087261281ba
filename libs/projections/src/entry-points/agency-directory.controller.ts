import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { loadReferenceData } from '@samvirke/reference-data';
import { searchAgencyDirectory } from './agency-directory';
import { AgencyDirectoryQueryDto } from './agency-directory-query.dto';
import { AgencyDirectoryDto, AgencyDto } from './agency-directory.dto';

// In a .dto.ts file so the swagger plugin documents `handles`.
export { AgencyDirectoryQueryDto } from './agency-directory-query.dto';

/**
 * Where to reach each agency when a case has not named anyone yet: straight from reference data,
 * no personal data and no case, so any authenticated user may read it.
 */
@ApiTags('agency directory')
@Controller('agency-directory')
export class AgencyDirectoryController {
  private readonly agencies = loadReferenceData().agencies;
  private readonly referralIntake = loadReferenceData().referralIntake;

  @Get()
  @ApiOperation({ summary: "Every agency's standing entry points, and where referrals are received; `handles` filters by what they handle." })
  list(@Query() query: AgencyDirectoryQueryDto): AgencyDirectoryDto {
    return {
      items: searchAgencyDirectory(this.agencies.values(), query.handles),
      referralIntake: { agency: this.referralIntake.agency, entryPoint: this.referralIntake.entryPoint.code },
    };
  }

  @Get(':agencyCode')
  @ApiOperation({ summary: "One agency's standing entry points." })
  one(@Param('agencyCode') agencyCode: string): AgencyDto {
    const agency = this.agencies.get(agencyCode);
    if (agency === undefined) throw new NotFoundException({ error: 'Not Found', message: 'no agency with this code; GET /agency-directory lists them' });
    return agency;
  }
}
