package cn.anju.disclosure;

import cn.anju.identity.BureauOfficers;
import cn.anju.notification.Notifications;
import cn.anju.shared.Districts;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Each morning tells a district's officers, by SMS or e-mail, of what has just gone past its legal time: public items
 * not published within their working days, requests for information not answered by their due day. Each is told once
 * (the district's list and the city's keep showing it); one message per officer and morning.
 */
@Component
class DisclosureLateNotices {

    static final String TEMPLATE = "DISCLOSURE_LATE";

    private final JdbcClient jdbc;
    private final InformationRequestRecords requests;
    private final BureauOfficers officers;
    private final Notifications notifications;
    private final Districts districts;
    private final Clock clock;

    DisclosureLateNotices(JdbcClient jdbc, InformationRequestRecords requests, BureauOfficers officers, Notifications notifications,
                          Districts districts, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.officers = officers;
        this.notifications = notifications;
        this.districts = districts;
        this.clock = clock;
    }

    @Scheduled(cron = "0 40 8 * * *", zone = "${anju.zone}")
    @SchedulerLock(name = "disclosure-late-notices")
    void everyMorning() {
        send();
    }

    private record Late(int items, int requests) {
        Late plus(Late o) {
            return new Late(items + o.items, requests + o.requests);
        }
    }

    /** Sends what is due; returns how many items and requests were newly told of. */
    @Transactional
    int send() {
        LocalDate today = LocalDate.now(clock);
        List<String> items = jdbc.sql("""
                        update disclosure_item set late_noticed = true
                         where first_published_at is null and due_on < ? and not late_noticed returning district_code""")
                .param(Date.valueOf(today)).query(String.class).list();
        Map<String, Late> byDistrict = new TreeMap<>();
        items.forEach(d -> byDistrict.merge(d, new Late(1, 0), Late::plus));
        requests.newlyLate(today).forEach(r -> byDistrict.merge(r.districtCode(), new Late(0, 1), Late::plus));
        byDistrict.forEach((district, late) -> {
            Map<String, String> params = Map.of("district", districts.nameOf(district), "items", String.valueOf(late.items()),
                    "requests", String.valueOf(late.requests()));
            officers.of(district).forEach(officer -> notifications.notify("app_user", officer, TEMPLATE, params));
        });
        return byDistrict.values().stream().collect(Collectors.summingInt(l -> l.items() + l.requests()));
    }
}
