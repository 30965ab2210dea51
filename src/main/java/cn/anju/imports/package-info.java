/**
 * Excel imports: every row checked first, then all written or nothing; every bad row returned with its column,
 * value (masked where personal) and a Chinese reason, also as the sheet with an error column. Modules contribute
 * the kinds ({@link cn.anju.imports.SheetImport}); rows identical to what is stored are skipped, so importing the
 * same rows again changes nothing.
 */
@ApplicationModule(displayName = "Imports",
        allowedDependencies = {"shared", "identity::api", "audit::api"})
package cn.anju.imports;

import org.springframework.modulith.ApplicationModule;
