package cn.anju.monitoring;

import cn.anju.identity.CurrentUser;
import cn.anju.shared.Districts;
import cn.anju.shared.files.FileStore;
import cn.anju.shared.web.ProblemException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * 月报: on the 1st (one node, ShedLock) the month before is reported for each district and for the city, from the
 * snapshot of its last day (or the last one before it), as a PDF and an Excel kept in the file store; a month already
 * reported keeps its files. Readers see the reports of their level: the city all, a district its own.
 */
@Service
public class MonthlyReports {

    private final Dashboards dashboards;
    private final ReportDocuments documents;
    private final FileStore files;
    private final Districts districts;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonthlyReports(Dashboards dashboards, ReportDocuments documents, FileStore files, Districts districts, JdbcClient jdbc, Clock clock) {
        this.dashboards = dashboards;
        this.documents = documents;
        this.files = files;
        this.districts = districts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 6 1 * *", zone = "${anju.zone}")
    @SchedulerLock(name = "monitoring-monthly-report")
    void onTheFirst() {
        generate(YearMonth.now(clock).minusMonths(1));
    }

    /** Reports the month for every district and the city; returns how many reports were new. */
    public int generate(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        int made = 0;
        for (Districts.District d : districts.ofCity(districts.cityCode())) {
            made += write(month, d.code(), dashboards.districtBoard(d.code(), end));
        }
        return made + write(month, districts.cityCode(), dashboards.cityBoard(end));
    }

    private int write(YearMonth month, String region, Dashboard d) {
        if (jdbc.sql("select exists (select 1 from monitoring_report where month = ? and region_code = ?)").params(month.toString(), region)
                .query(Boolean.class).single()) {
            return 0;
        }
        String name = ReportDocuments.title(d, month);
        FileStore.StoredFile pdf = files.store(documents.pdf(d, month), name + ".pdf", "application/pdf");
        FileStore.StoredFile xlsx = files.store(documents.xlsx(d), name + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return jdbc.sql("""
                        insert into monitoring_report (month, region_code, as_of, pdf_key, pdf_sha256, xlsx_key, xlsx_sha256, generated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(month.toString(), region, Date.valueOf(d.asOf()), pdf.key(), pdf.sha256(), xlsx.key(), xlsx.sha256(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** A report as its readers list it. */
    public record Report(long id, String month, String regionCode, String regionName, LocalDate asOf) {
    }

    /** The reports of the reader's level, newest first: the city's and every district's for the city, a district's own. */
    public List<Report> list(CurrentUser user) {
        MonitoringScope s = dashboards.scope(user);
        List<String> regions = new ArrayList<>(s.districts());
        if (s.level() == MonitoringScope.Level.CITY) {
            regions.add(districts.cityCode());
        }
        return jdbc.sql("select id, month, region_code, as_of from monitoring_report where region_code = any(?) order by month desc, region_code")
                .param(regions.toArray(String[]::new))
                .query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getString(3), districts.nameOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class))).list();
    }

    /** The reports a dashboard shows: the city's on the city's, a district's on its own, an operator's districts' on its. */
    public List<Report> of(CurrentUser user, Dashboard d) {
        return switch (d.level()) {
            case PROJECT -> List.of();
            case CITY -> list(user).stream().filter(r -> r.regionCode().equals(districts.cityCode())).toList();
            case DISTRICT -> list(user).stream().filter(r -> r.regionCode().equals(d.districtCode())).toList();
            case OPERATOR -> list(user);
        };
    }

    /** A report's file, within the reader's level. */
    public record Download(String name, String contentType, byte[] content) {
    }

    public Download file(CurrentUser user, long id, boolean pdf) {
        Report r = list(user).stream().filter(x -> x.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("MONITORING_REPORT_NOT_FOUND", "月报不存在，或不在您的数据范围内。"));
        String key = jdbc.sql("select " + (pdf ? "pdf_key" : "xlsx_key") + " from monitoring_report where id = ?").param(id)
                .query(String.class).single();
        String name = r.regionName() + r.month() + "运行监测月报" + (pdf ? ".pdf" : ".xlsx");
        return new Download(name, pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", files.read(key));
    }
}
