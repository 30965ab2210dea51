/**
 * Feedback (投诉建议): complaints, suggestions, questions, requests for help and praise from every channel (hotline,
 * WeChat, Weibo, e-mail, the web form, the counter and the city's 12345 hand-off) as one case each, triaged to the
 * operator or the district, handled against working-day clocks, answered, followed up with the tenant, and measured.
 */
@ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"shared", "contract::api", "identity::api", "audit::api", "household::api", "lease::api", "maintenance::api",
                "inspection::api", "housing::api", "notification::api"})
package cn.anju.feedback;

import org.springframework.modulith.ApplicationModule;
