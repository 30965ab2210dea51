/**
 * Shared kernel: district codes, money, files, roles, the API error and paging conventions, the menu
 * contract and the embedded database. Every module may use it; it depends on no business module.
 */
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package cn.anju.shared;

import org.springframework.modulith.ApplicationModule;
