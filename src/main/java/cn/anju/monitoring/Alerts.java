package cn.anju.monitoring;

import cn.anju.shared.policy.PolicySettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 预警: the thresholds are policy settings with history (a district may set its own), read for the place's district:
 * a year-to-date collection rate below {@code monitoring.alert.collection-rate-min}, more overdue work orders in a
 * project than {@code monitoring.alert.overdue-work-orders-max}, more units vacant over six months in a project than
 * {@code monitoring.alert.vacant-over-6-months-max}.
 */
@Component
class Alerts {

    private final PolicySettings policies;

    Alerts(PolicySettings policies) {
        this.policies = policies;
    }

    /** The alerts of these places on the day, from their snapshot rows; {@code names} and {@code links} by place. */
    List<Dashboard.Alert> of(List<SnapshotRow> rows, Map<Snapshots.Place, String> names, Map<Snapshots.Place, String> links) {
        List<Dashboard.Alert> alerts = new ArrayList<>();
        for (SnapshotRow r : rows) {
            Snapshots.Place place = new Snapshots.Place(r.districtCode(), r.projectId());
            String name = names.get(place);
            if (name == null) {
                continue;
            }
            boolean project = r.projectId() != SnapshotRow.WHOLE_DISTRICT;
            if (r.measureCode().equals("RENT_COLLECTION_RATE") && r.period() == SnapshotPeriod.YEAR && r.ratio() != null) {
                BigDecimal min = new BigDecimal(policies.value("monitoring.alert.collection-rate-min", r.districtCode()));
                if (r.ratio().compareTo(min) < 0) {
                    alerts.add(new Dashboard.Alert(name, "本年租金收缴率", percent(r.ratio()), "低于 " + percent(min), links.get(place)));
                }
            } else if (project && r.measureCode().equals("WORK_ORDERS_OVERDUE")) {
                over(alerts, r, name, "超期未完工工单", "monitoring.alert.overdue-work-orders-max", "件", links.get(place));
            } else if (project && r.measureCode().equals("UNITS_VACANT_OVER_6_MONTHS")) {
                over(alerts, r, name, "空置超6个月房源", "monitoring.alert.vacant-over-6-months-max", "套", links.get(place));
            }
        }
        return alerts;
    }

    private void over(List<Dashboard.Alert> alerts, SnapshotRow r, String name, String what, String key, String unit, String link) {
        int max = policies.integer(key, r.districtCode());
        if (r.value() != null && r.value().intValue() > max) {
            alerts.add(new Dashboard.Alert(name, what, r.value().intValue() + " " + unit, "多于 " + max + " " + unit, link));
        }
    }

    private static String percent(BigDecimal ratio) {
        return ratio.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
