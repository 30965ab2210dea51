/**
 * Rent (租金): standards and tier reductions with history, bills made by a set-based run, payments with idempotency
 * keys allocated oldest bill first, credits, reversals, deposits, receipts. Reads leases only through the lease
 * module's published view {@code lease_billing_basis} and its services; answers the lease module's settlement
 * questions by implementing {@link cn.anju.lease.RentAccounts}.
 */
@ApplicationModule(displayName = "Rent",
        allowedDependencies = {"shared", "contract::api", "lease::api", "household::api", "housing::api", "identity::api", "notification::api", "audit::api"})
package cn.anju.rent;

import org.springframework.modulith.ApplicationModule;
