/**
 * Evaluation (绩效评价与结算): each contract's indicator tree, the quarterly and annual evaluation whose computed leaves
 * are frozen from the shared measures with the records behind them, scored by the purchaser and the engaged evaluator,
 * reviewed by the operator (objections), signed under four eyes; and the settlement that turns the score into what the
 * operator is paid, line by line, written to the contract's ledger.
 */
@ApplicationModule(displayName = "Evaluation",
        allowedDependencies = {"shared", "identity::api", "audit::api", "contract::api", "housing::api"})
package cn.anju.evaluation;

import org.springframework.modulith.ApplicationModule;
