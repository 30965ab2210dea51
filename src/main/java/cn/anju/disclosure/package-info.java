/**
 * Disclosure (信息公开): the public items the platform drafts from records that became final (a contract, an evaluation,
 * a quarter's statistics…), masked by one redaction policy, reviewed by a second person when they carry free text or
 * person-related data, published, withdrawn with a reason and redrafted, every version and step kept as the item's
 * public change log; a working-day clock flags an item not published within 20 working days of its record becoming final.
 */
@ApplicationModule(displayName = "Disclosure",
        allowedDependencies = {"shared", "identity::api", "audit::api", "contract::api", "evaluation::api", "housing::api",
                "rent::api", "allocation::api", "feedback::api", "notification::api"})
package cn.anju.disclosure;

import org.springframework.modulith.ApplicationModule;
