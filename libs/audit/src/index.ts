// The auditors' side: the audit log's endpoint, as-of replay (with its state snapshots) and hash-chain
// verification, and the module that turns the read audit on. Apart from libs/access because replay
// opens sealed values with the vault (libs/privacy), and privacy builds on access, not the reverse.
export * from './audit.module';
export * from './tamper-evidence/hash-chain-verification';
