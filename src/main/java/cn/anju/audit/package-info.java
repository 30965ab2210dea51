/**
 * Tamper-evident audit log: who did what, when, from where, to what, with what outcome. Writers append without
 * waiting on each other; {@link cn.anju.audit.AuditSealer} chains the rows by hash and writes the chain outside
 * the database too; {@link cn.anju.audit.AuditVerifier} names the first altered, deleted or reordered row.
 */
@ApplicationModule(displayName = "Audit",
        allowedDependencies = {"shared"})
package cn.anju.audit;

import org.springframework.modulith.ApplicationModule;
