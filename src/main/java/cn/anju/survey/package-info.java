/**
 * Surveys (社会调查及群众满意度测评): questionnaires, waves to the households of chosen projects, one anonymous answer
 * per household, and honest statistics (response rates, Wilson intervals with the finite-population correction,
 * suppression of small groups); its satisfaction measures feed the operator's evaluation. Built in steps; the
 * statistics come first (`docs/surveys.md`).
 */
@ApplicationModule(displayName = "Survey", allowedDependencies = {"shared"})
package cn.anju.survey;

import org.springframework.modulith.ApplicationModule;
