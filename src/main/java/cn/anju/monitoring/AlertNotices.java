package cn.anju.monitoring;

import cn.anju.identity.BureauOfficers;
import cn.anju.notification.Notifications;
import cn.anju.shared.Districts;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Each morning at 08:50 (one node, ShedLock) a district's officers get one message with the count of the district's
 * alerts on the latest snapshot and the first of them; a district without alerts gets none.
 */
@Component
class AlertNotices {

    static final String TEMPLATE = "MONITORING_ALERTS";

    private final Dashboards dashboards;
    private final BureauOfficers officers;
    private final Notifications notifications;
    private final Districts districts;

    AlertNotices(Dashboards dashboards, BureauOfficers officers, Notifications notifications, Districts districts) {
        this.dashboards = dashboards;
        this.officers = officers;
        this.notifications = notifications;
        this.districts = districts;
    }

    @Scheduled(cron = "0 50 8 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "monitoring-alert-notices")
    void everyMorning() {
        send();
    }

    /** Sends today's notices; returns how many districts were told. */
    int send() {
        int told = 0;
        for (Districts.District d : districts.ofCity(districts.cityCode())) {
            List<Dashboard.Alert> alerts = dashboards.alertsOf(d.code());
            if (alerts.isEmpty()) {
                continue;
            }
            Dashboard.Alert first = alerts.getFirst();
            Map<String, String> params = Map.of("district", d.name(), "count", String.valueOf(alerts.size()),
                    "first", first.place() + first.measure() + first.value());
            officers.of(d.code()).forEach(o -> notifications.notify("app_user", o, TEMPLATE, params));
            told++;
        }
        return told;
    }
}
