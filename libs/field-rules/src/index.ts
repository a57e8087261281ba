// What a request's fields must be, for every HTTP edge (case commands, read-model queries): codes
// known to the reference data, calendar dates, the CPR format, id and text sizes; and GET
// /reference-data, the lists those rules cite in their 400s. Apart from libs/reference-data because
// the core imports no web framework or validation library, and apart from libs/command-api because
// the read side validates its queries with the same rules.
export * from './field-rules';
export * from './known-code.pipe';
export * from './reference-data.controller';
