/**
 * The Yulin demo data, loaded in the {@code demo} profile only (never in {@code prod}): the city bureau, the
 * twelve districts' housing and finance bureaus, two operators, an evaluator and the demo accounts of README.md.
 */
@ApplicationModule(displayName = "Demo data")
package cn.anju.demo;

import org.springframework.modulith.ApplicationModule;
