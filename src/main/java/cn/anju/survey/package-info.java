/**
 * Surveys (社会调查及群众满意度测评): questionnaires with frozen versions, waves to the households of chosen projects,
 * one anonymous answer per household written in shuffled batches, and honest statistics (response rates, Wilson
 * intervals with the finite-population correction, suppression of small groups); its satisfaction measures feed the
 * operator's evaluation. Formulas and the anonymity design in {@code docs/surveys.md}.
 */
@ApplicationModule(displayName = "Survey",
        allowedDependencies = {"shared", "identity::api", "audit::api", "lease::api", "housing::api", "household::api",
                "notification::api"})
package cn.anju.survey;

import org.springframework.modulith.ApplicationModule;
