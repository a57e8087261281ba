import { BadRequestException } from '@nestjs/common';
import { loadAuditConfig, AuditConfigError } from './audit-config';
import { purposeFromHeader } from './audit-vocabulary';
import { auditActionFor, criteriaOf, isAuditedRoute, isCaseRoute, uuidOrNull } from './audited-request';
import { refusesDisclosureForInvestigation } from './investigation-refusal';

describe('read audit rules', () => {
  describe('which routes are audited', () => {
    it('audits case, audit and list routes', () => {
      expect(isAuditedRoute('/cases/:caseId/timeline')).toBe(true);
      expect(isAuditedRoute('/cases')).toBe(true);
      expect(isAuditedRoute('/audit/log')).toBe(true);
    });
    it('leaves out health, docs, reference data and the agency directory, and only those', () => {
      for (const route of ['/health', '/docs', '/reference-data', '/reference-data/:list', '/agency-directory', '/agency-directory/:agency']) {
        expect(isAuditedRoute(route)).toBe(false);
      }
      expect(isAuditedRoute('/healthy-cases')).toBe(true);
    });
  });

  describe('the action recorded', () => {
    it('calls a write a change, whatever the method', () => {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expect(auditActionFor(method, {})).toBe('change');
    });
    it('calls a GET with query criteria a search and one without a read', () => {
      expect(auditActionFor('GET', { district: 'NORREBRO-1' })).toBe('search');
      expect(auditActionFor('GET', {})).toBe('read');
    });
    it('lets a route declare its action with @AuditAs', () => {
      expect(auditActionFor('GET', {}, 'export')).toBe('export');
      expect(auditActionFor('GET', { asOf: 'x' }, 'read')).toBe('read');
    });
  });

  it('keeps query criteria as strings and lists of strings, cut to size', () => {
    expect(criteriaOf({ a: 'x', b: ['y', 'z'], c: { nested: 1 }, d: 'q'.repeat(500) })).toEqual({ a: 'x', b: ['y', 'z'], d: 'q'.repeat(200) });
    expect(criteriaOf(undefined)).toEqual({});
  });

  it('records route ids only when they are uuids', () => {
    expect(uuidOrNull('6F1C2B0E-6D7A-4D0B-9F3E-2A1B3C4D5E6F')).toBe('6f1c2b0e-6d7a-4d0b-9f3e-2a1b3c4d5e6f');
    expect(uuidOrNull('not-a-uuid')).toBeNull();
    expect(uuidOrNull(undefined)).toBeNull();
  });

  describe('the declared purpose', () => {
    it('defaults to case work', () => {
      expect(purposeFromHeader(undefined)).toBe('case-work');
      expect(purposeFromHeader(' ')).toBe('case-work');
    });
    it('accepts the known purposes', () => {
      expect(purposeFromHeader('coordination')).toBe('coordination');
      expect(purposeFromHeader('Criminal-Investigation')).toBe('criminal-investigation');
    });
    it('refuses an unknown purpose with 400 naming the header', () => {
      expect(() => purposeFromHeader('curiosity')).toThrow(BadRequestException);
      try {
        purposeFromHeader('curiosity');
      } catch (error) {
        expect((error as BadRequestException).getResponse()).toMatchObject({ violations: [{ field: 'X-Purpose' }] });
      }
    });
  });

  describe('section 115(2): no disclosure to the police for investigation', () => {
    it('refuses a police read of a case route declared for criminal investigation', () => {
      expect(refusesDisclosureForInvestigation('police', 'criminal-investigation', 'GET', '/cases/:caseId/timeline')).toBe(true);
      expect(refusesDisclosureForInvestigation('police', 'criminal-investigation', 'GET', '/cases')).toBe(true);
    });
    it('lets the police read for other purposes', () => {
      expect(refusesDisclosureForInvestigation('police', 'coordination', 'GET', '/cases/:caseId/timeline')).toBe(false);
    });
    it('does not apply to other agencies, or to reads of aggregate statistics and lists without cases', () => {
      expect(refusesDisclosureForInvestigation('municipal-administration', 'criminal-investigation', 'GET', '/cases/:caseId')).toBe(false);
      expect(refusesDisclosureForInvestigation('municipal-administration', 'criminal-investigation', 'POST', '/cases/:caseId/requests')).toBe(false);
      expect(refusesDisclosureForInvestigation('police', 'criminal-investigation', 'GET', '/information-flow/delays')).toBe(false);
      expect(refusesDisclosureForInvestigation('police', 'criminal-investigation', 'GET', '/reference-data/:list')).toBe(false);
    });
    it('refuses every police write declared for criminal investigation, whatever the route', () => {
      for (const [method, route] of [
        ['POST', '/cases/:caseId/requests'],
        ['POST', '/cases/:caseId/charges'],
        ['POST', '/cases'],
        ['PUT', '/cases/:caseId/coordinator'],
        ['DELETE', '/cases/:caseId/agencies/:agency'],
        ['POST', '/effects/safety-index'],
        ['POST', '/information-flow/delays'],
      ]) {
        expect({ method, route, refused: refusesDisclosureForInvestigation('police', 'criminal-investigation', method, route) }).toEqual({
          method,
          route,
          refused: true,
        });
      }
      expect(refusesDisclosureForInvestigation('police', 'coordination', 'POST', '/cases/:caseId/requests')).toBe(false);
      expect(refusesDisclosureForInvestigation('police', undefined, 'POST', '/cases/:caseId/requests')).toBe(false);
    });
    it('covers every read that can carry case data, lists and registers included', () => {
      for (const route of ['/cases', '/ssp-register', '/worklist', '/audit/log']) {
        expect({ route, refused: refusesDisclosureForInvestigation('police', 'criminal-investigation', 'GET', route) }).toEqual({ route, refused: true });
      }
    });
    it("counts the auditors' case routes as case routes", () => {
      expect(isCaseRoute('/audit/cases/:caseId/events')).toBe(true);
      expect(isCaseRoute('/audit/log')).toBe(false);
    });
  });

  describe('retention configuration', () => {
    it('defaults to 1825 days', () => {
      expect(loadAuditConfig({})).toEqual({ retentionDays: 1825 });
    });
    it('reads AUDIT_RETENTION_DAYS', () => {
      expect(loadAuditConfig({ AUDIT_RETENTION_DAYS: '3650' })).toEqual({ retentionDays: 3650 });
    });
    it('refuses a value that is not a whole number of days, or shorter than a year', () => {
      for (const value of ['abc', '-5', '1.5', '30']) expect(() => loadAuditConfig({ AUDIT_RETENTION_DAYS: value })).toThrow(AuditConfigError);
    });
  });
});
