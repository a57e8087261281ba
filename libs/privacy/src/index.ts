export { loadPrivacyConfig, parseMasterKeys, parseCprHmacSecret, PrivacyConfigError, type PrivacyConfig } from './config/privacy-config';
export { MasterKeyring, type MasterKey } from './config/master-keyring';
export { SecretBytes } from './config/secret-bytes';
export { cprHash } from '@samvirke/case/cpr';
export { sealWithKey, openWithKey, parseSealed, isSealed, type Sealed, type SealedParts } from './encryption/sealed-value';
export { MasterKeyUnavailableError } from './keys/data-key-wrapping';
export { PRIVACY_MIGRATIONS } from './keys/migrations';
export { PersonalDataVault, type OpenedValue, type PersonalDataVaultOptions, type RotationResult } from './vault/personal-data-vault';
export { openingEventStore, openCaseOpened, warnWhenUnopenable, type OpeningOptions, type SealedValueOpener } from './vault/opening-event-store';
