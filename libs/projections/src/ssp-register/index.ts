export { SspRegisterController, type SspRegisterEntry } from './ssp-register.controller';
